export { PolicyParseError, parsePolicyDocument } from './parse-policy.js';
export {
  accountOfPrincipal,
  actionMatches,
  allowStatements,
  allowsAnyAction,
  asArray,
  conditionKeys,
  isPublicPrincipal,
  namesAction,
  onAllResources,
  principalValues,
} from './statements.js';
export { evaluatePolicy } from './evaluate-policy.js';
export { statementLabel } from './normalise-statement.js';
