import type { CheckOutcome } from '../types/finding.js';

/**
 * The resource complies.
 * @example return pass(`Repository ${r.name} has tag immutability ${r.imageTagMutability}`);
 */
export function pass(message: string): CheckOutcome {
  return { status: 'PASS', message };
}

/**
 * The resource does not comply; the message names the resource and the offending value.
 * @example return fail(`Cluster ${r.name} runs Kubernetes ${r.version}, below ${config.eksMinVersion}`);
 */
export function fail(message: string): CheckOutcome {
  return { status: 'FAIL', message };
}

/**
 * The check does not apply to this resource; the message says why.
 * @example return notApplicable(`Registry ${r.name} has no pull-through cache rules`);
 */
export function notApplicable(reason: string): CheckOutcome {
  return { status: 'NOT_APPLICABLE', message: reason };
}
