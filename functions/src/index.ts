export { createEventHandler, type EventHandlerResult } from './event-handler.js';
export { createFindingChangeHandler, type FindingChangeHooks, parseStreamEvent } from './fan-out-handler.js';
export { withCustomsMiddleware } from './middleware/customs-middleware.js';
export { createSweepHandler, type SweepResult } from './sweep-handler.js';
