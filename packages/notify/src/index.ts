export * from './asff/index.js';
export * from './eventbridge/index.js';
export * from './fan-out/index.js';
export { type ExportedFinding, PRODUCT_VERSION } from './interchange/index.js';
export * from './ocsf/index.js';
export * from './retry/index.js';
export * from './routing/index.js';
export * from './slack/index.js';
export * from './transitions/index.js';
