import type { Finding } from '@customs/core';
import type { StoreContext } from './context.js';
import { StoreWriteError } from './errors.js';
import { findingFromItem } from './items.js';
import { decideEvaluation, decideRemoval } from './lifecycle.js';
import type { FindingChange, StoredFinding } from './model.js';
import { readFindings } from './read-findings.js';
import { queryAll } from './run-query.js';
import { suppressionFor } from './suppressions.js';
import { loadSuppressionsFor } from './suppressions-store.js';
import { type Applied, applyDecision } from './write-change.js';

/** Stores an evaluation's findings, writing only the changed ones; one change line per finding. */
export async function writeEvaluation(
  context: StoreContext,
  findings: readonly Finding[],
  concurrency: number,
): Promise<FindingChange[]> {
  const latest = latestPerFinding(findings);
  const stored = await readFindings(context, [...latest.keys()]);
  const suppressions = await loadSuppressionsFor(context, [...latest.values()], stored);
  return settleAll([...latest.values()], concurrency, async function storeFinding(finding) {
    const applied = await applyDecision(context, finding.id, stored.get(finding.id), (current) =>
      decideEvaluation(current, finding, suppressionFor(finding, current, suppressions)),
    );
    return changeLine(applied);
  });
}

/** Resolves the given stored findings because their resource is gone. */
export async function writeRemovals(
  context: StoreContext,
  findings: readonly StoredFinding[],
  reason: string,
  at: string,
  concurrency: number,
): Promise<FindingChange[]> {
  return settleAll([...findings], concurrency, async function removeFinding(finding) {
    const applied = await applyDecision(context, finding.id, finding, function decide(current) {
      return current ? decideRemoval(current, reason, at) : { transition: 'unchanged' };
    });
    return changeLine(applied, finding);
  });
}

/** Every stored finding of one resource (Query on byResource). */
export async function resourceFindings(context: StoreContext, resourceId: string): Promise<StoredFinding[]> {
  const items = await queryAll(context, {
    index: 'byResource',
    partitions: [{ pk: `RES#${resourceId}` }],
    filters: {},
  });
  return items.map(findingFromItem);
}

export function changeLine({ decision, previous }: Applied, fallback?: StoredFinding): FindingChange {
  const shown = decision.next ?? previous ?? fallback;
  if (!shown) throw new Error('A finding decision has neither a stored nor a next finding');
  const line: FindingChange = {
    findingId: shown.id,
    checkId: shown.checkId,
    resourceId: shown.resourceId,
    transition: decision.transition,
    status: shown.status,
    severity: shown.severity,
    state: shown.state,
    version: shown.version,
  };
  if (previous) line.previousState = previous.state;
  return line;
}

/** Of several findings with one id in a batch, only the latest evaluation counts. */
function latestPerFinding(findings: readonly Finding[]): Map<string, Finding> {
  const latest = new Map<string, Finding>();
  for (const finding of findings) {
    const seen = latest.get(finding.id);
    if (!seen || Date.parse(finding.evaluatedAt) > Date.parse(seen.evaluatedAt))
      latest.set(finding.id, finding);
  }
  return latest;
}

/** Runs `work` on every input, `concurrency` at a time; throws once all settled if any failed. */
export async function settleAll<T, R>(
  inputs: T[],
  concurrency: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: PromiseSettledResult<R>[] = new Array(inputs.length);
  let next = 0;
  const worker = async function drain() {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as T).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));
  const failures = results.filter((result) => result.status === 'rejected');
  if (failures.length > 0) {
    const first = failures[0]?.reason;
    const why = first instanceof Error ? `${first.name}: ${first.message}` : String(first);
    throw new StoreWriteError(
      `${failures.length} of ${inputs.length} findings could not be stored (${why})`,
      {
        cause: first,
      },
    );
  }
  return results.map((result) => (result as PromiseFulfilledResult<R>).value);
}
