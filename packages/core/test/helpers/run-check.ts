import type { AnyCheck } from '../../src/check/define-check.js';
import { type Config, DEFAULT_CONFIG } from '../../src/config.js';
import type { CheckOutcome } from '../../src/types/finding.js';
import type { Resource } from '../../src/types/resource.js';
import { NOW } from './resources.js';

/** Runs one check's function on a resource with the default config (or overrides) at `NOW`. */
export function runCheck(check: AnyCheck, resource: Resource, config: Partial<Config> = {}): CheckOutcome {
  return check.evaluate(resource, { config: { ...DEFAULT_CONFIG, ...config }, now: NOW });
}
