import type { Resource, ResourceRef } from '@customs/core';
import type { CollectResult, MissingRef } from '../collector/collector.js';
import { RefReadError } from '../errors.js';

/** What one ref resolved to: its resources, `missing`, or why it was skipped. */
export type RefOutcome = { resources: Resource[] } | { missing: true; reason?: string } | { skipped: string };

export const MISSING: RefOutcome = { missing: true };

/** The resources a ref resolved to, or `missing` when there are none. */
export function found(resources: Resource[]): RefOutcome {
  return resources.length > 0 ? { resources } : MISSING;
}

/**
 * Turns each ref's outcome into a collector's result: resources without repeats, the missing
 * refs, and a warning for each skipped one after the read's own warnings.
 * @example return gatherOutcomes(refs, await readEachRef(refs, read), session.warnings);
 */
export function gatherOutcomes(
  refs: ResourceRef[],
  outcomes: RefOutcome[],
  warnings: string[],
): CollectResult {
  const resources = new Map<string, Resource>();
  const missing: MissingRef[] = [];
  const skipped: string[] = [];
  outcomes.forEach(function gather(outcome, index) {
    const ref = refs[index] as ResourceRef;
    if ('resources' in outcome) {
      for (const resource of outcome.resources) resources.set(`${resource.type} ${resource.id}`, resource);
    } else if ('missing' in outcome) missing.push(outcome.reason ? { ...ref, reason: outcome.reason } : ref);
    else
      skipped.push(
        `ref ${ref.type} ${ref.parent ? `${ref.parent}/` : ''}${ref.name} skipped: ${outcome.skipped}`,
      );
  });
  return { resources: [...resources.values()], missing, warnings: [...warnings, ...skipped] };
}

/**
 * Reads every ref and waits for all of them (never `Promise.all` alone, which leaves the other
 * reads' failures unobserved once one fails); then, if any read failed, throws one
 * {@link RefReadError} naming each failed ref, else returns the outcomes in the refs' order.
 * @example const outcomes = await readEachRef(refs, (ref) => collectRef(context, ref, reach, readers));
 */
export async function readEachRef(
  refs: ResourceRef[],
  read: (ref: ResourceRef) => Promise<RefOutcome>,
): Promise<RefOutcome[]> {
  const settled = await Promise.allSettled(refs.map(async (ref) => read(ref)));
  const failures = settled.flatMap((result, index) =>
    result.status === 'rejected'
      ? [{ ref: refs[index] as ResourceRef, error: result.reason as unknown }]
      : [],
  );
  if (failures.length > 0) throw new RefReadError(failures, refs.length);
  return settled.map((result) => (result as PromiseFulfilledResult<RefOutcome>).value);
}
