export * from './bus/index.js';
export { loadConfigFile } from './config-file.js';
export { DEMO_SNAPSHOT } from './demo.js';
export * from './dynamodb/index.js';
export * from './replay/index.js';
export * from './runtime/index.js';
export * from './story/index.js';
export * from './stream/index.js';
