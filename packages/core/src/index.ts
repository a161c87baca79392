export { withGuidance } from './catalog/guidance.js';
export { CATALOG } from './catalog/index.js';
export { checkMetadata } from './check/check-metadata.js';
export type { AnyCheck } from './check/define-check.js';
export { CheckRegistry } from './check/registry.js';
export { type Config, DEFAULT_CONFIG, parseConfigJson } from './config.js';
export {
  CHECK_ID_PATTERN,
  RECOMMENDATION_TITLES,
  RECOMMENDATIONS,
  RESOURCE_TYPES,
  SEVERITIES,
  STATUSES,
} from './constants.js';
export {
  CatalogError,
  ConfigError,
  CustomsError,
  type CustomsErrorKind,
  kindOf,
} from './errors.js';
export { evaluateAll } from './evaluate.js';
export { findingId } from './finding-id.js';
export * from './glob/index.js';
export * from './image/index.js';
export * from './lifecycle/index.js';
export * from './policy/index.js';
export * from './resource-types/index.js';
export { type Posture, type PostureSummary, summarize } from './summary.js';
export { nearest } from './text/nearest.js';
export { type SafeTextOptions, safeText } from './text/safe-text.js';
export type * from './types/index.js';
