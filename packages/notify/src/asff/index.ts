export { asffFinding, defaultProductArn, workflowStatusOf } from './asff-finding.js';
export { ASFF_LIMITS, asffProblems } from './asff-rules.js';
