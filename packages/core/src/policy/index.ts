export { evaluatePolicy } from './evaluate-policy.js';
export { statementLabel } from './normalise-statement.js';
export { MAX_POLICY_CHARACTERS, PolicyParseError, parsePolicyDocument } from './parse-policy.js';
export { type PreparedPolicy, preparePolicy } from './prepared-policy.js';
export { accountOfPrincipal } from './principals.js';
