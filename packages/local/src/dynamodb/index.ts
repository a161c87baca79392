export { findFreePort } from './free-port.js';
export { localDynamoClient } from './local-client.js';
export { type DynamoDbLocal, startDynamoDbLocal } from './start-dynamodb-local.js';
export { JAVA_MISSING } from './start-errors.js';
