export {
  bounded,
  checkOf,
  type ExportedFinding,
  effectiveState,
  isArchived,
  partitionOf,
  requirementsOf,
  STANDARDS,
} from './exported-finding.js';
export { PRODUCT_VERSION } from './product.js';
