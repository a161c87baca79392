export { type AuditHandlerResult, createAuditHandler } from './audit-handler.js';
export { createEventHandler, type EventHandlerResult } from './event-handler.js';
export { createFindingChangeHandler } from './fan-out-handler.js';
