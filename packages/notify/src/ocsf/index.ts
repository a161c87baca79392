export { OCSF_VERSION, type OcsfComplianceFinding, ocsfFinding } from './ocsf-finding.js';
