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

/**
 * The check could not judge the resource: state it needs was not readable, and only the
 * configuration says whether that matters (a deployed image in an untrusted account's ECR).
 * Everything else unreadable is ERROR through the check's `reads`, never this.
 * @example return unjudgeable(`Could not read ${r.name}: deployedImages (api: …)`);
 */
export function unjudgeable(message: string): CheckOutcome {
  return { status: 'ERROR', message };
}
