export { CATALOG } from './catalog/index.js';
export { checkMetadata } from './check/check-metadata.js';
export type {
  AnyCheck,
  CheckContext,
  CheckDefinition,
  CheckMappings,
  Remediation,
} from './check/define-check.js';
export { defineCheck } from './check/define-check.js';
export { fail, notApplicable, pass } from './check/outcome.js';
export { CheckRegistry } from './check/registry.js';
export { type Config, configSchema, DEFAULT_CONFIG, parseConfig, parseConfigJson } from './config.js';
export {
  CHECK_ID_PATTERN,
  RECOMMENDATION_TITLES,
  RECOMMENDATIONS,
  RESOURCE_TYPES,
  SECURITY_HUB_CONTROL_PATTERN,
  SEVERITIES,
  STATUSES,
} from './constants.js';
export {
  CatalogError,
  ConfigError,
  CustomsError,
  type CustomsErrorKind,
  type CustomsErrorOptions,
  kindOf,
} from './errors.js';
export { type EvaluateOptions, evaluate, evaluateAll } from './evaluate.js';
export { findingId } from './finding-id.js';
export * from './glob/index.js';
export * from './policy/index.js';
export * from './resource-types/index.js';
export { type Posture, type PostureSummary, summarize } from './summary.js';
export { DEFAULT_SAFE_TEXT_LENGTH, type SafeTextOptions, safeText } from './text/safe-text.js';
export type * from './types/index.js';
