export {
  activityOf,
  OCSF_COMPLIANCE_FINDING,
  OCSF_VERSION,
  type OcsfActivity,
  type OcsfComplianceFinding,
  ocsfFinding,
} from './ocsf-finding.js';
