import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { Config } from '../../config.js';
import type { EcsTags } from '../../types/ecs.js';
import type { CheckOutcome } from '../../types/finding.js';

/**
 * The tagging verdict shared by the ECS tagging checks (Security Hub ECS.13/14/15 with
 * `requiredTagKeys`): NOT_APPLICABLE while no key is required, else FAIL naming each missing key.
 * Keys compare exactly; an empty value still carries the key.
 * @example requiredTags('Service default/web', { team: 'a' }, config) // PASS when requiredTagKeys is ['team']
 */
export function requiredTags(what: string, tags: EcsTags, config: Config): CheckOutcome {
  if (config.requiredTagKeys.length === 0) {
    return notApplicable(`${what}: no tag keys are required (requiredTagKeys is empty)`);
  }
  const missing = config.requiredTagKeys.filter((key) => !Object.hasOwn(tags, key));
  return missing.length > 0
    ? fail(`${what} lacks required tag key(s) ${missing.join(', ')}`)
    : pass(`${what} carries every required tag key (${config.requiredTagKeys.join(', ')})`);
}
