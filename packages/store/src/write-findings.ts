import { type Finding, isDeploymentType, SEVERITIES } from '@customs/core';
import type { StoreContext } from './context.js';
import type { MovedDigest, ResourceDeployments } from './deployment-index.js';
import { StoreWriteError } from './errors.js';
import { type EvaluationStamp, evaluationDigest, readRecordsAndFindings } from './evaluation-record.js';
import { decideEvaluation, decideRemoval, isNewer } from './lifecycle.js';
import type { FindingChange, StoredFinding } from './model.js';
import { readFindings } from './read-findings.js';
import { idsOf, readRecordsThenFindings } from './read-for-evaluation.js';
import { queryAll } from './run-query.js';
import { type Suppression, suppressionFor } from './suppressions.js';
import { needsSuppressions, readSuppressions } from './suppressions-store.js';
import { canSkipFindings, storeUnchanged } from './unchanged-evaluation.js';
import type { Applied } from './write-change.js';
import { applyResourceWrite, type ResourceWrite, readResourceState } from './write-resource.js';

/** The digest → deployments index's part of a write (README.md, "Deployed digests"). */
export interface IndexOptions {
  /** The digests each deployment of the evaluation runs, by resource id (the index is left alone for others). */
  deployments?: ReadonlyMap<string, ResourceDeployments>;
  /** Receives the digests whose index items the write added, changed or removed. */
  moved?: MovedDigest[];
}

/**
 * Stores an evaluation's findings, one resource at a time (`concurrency` resources in parallel):
 * the evaluation records of its resources and the stored findings are read together, then each
 * resource's evaluation is applied against its record (`applyResourceWrite`), with its
 * deployment's digests when given. One change line per finding, in the order given.
 */
export async function writeEvaluation(
  context: StoreContext,
  findings: readonly Finding[],
  concurrency: number,
  options: IndexOptions = {},
): Promise<FindingChange[]> {
  const latest = latestPerFinding(findings);
  const byResource = groupBy([...latest.values()], (finding) => finding.resourceId);
  const stamps = new Map(
    [...byResource].map(([id, group]) => [
      id,
      { evaluatedAt: latestTime(group), digest: evaluationDigest(group) },
    ]),
  );
  const { records, stored } = await readRecordsThenFindings(context, byResource, stamps, options);
  const suppressions = suppressionsLoader(context, [...latest.values()]);
  const skips = (resourceId: string, group: readonly Finding[]) =>
    byResource.size > 1 &&
    !options.deployments?.has(resourceId) &&
    canSkipFindings(records.get(resourceId), stamps.get(resourceId) as EvaluationStamp, group);
  const lines = await settleAll(
    [...byResource],
    concurrency,
    async function storeResource([resourceId, group]) {
      const byId = new Map(group.map((finding) => [finding.id, finding]));
      const stamp = stamps.get(resourceId) as EvaluationStamp;
      const record = records.get(resourceId);
      const quick =
        skips(resourceId, group) && record ? await storeUnchanged(context, record, stamp, group) : undefined;
      if (quick) {
        return quick.known.map((known) =>
          changeLine({ decision: { transition: quick.transition }, previous: known }),
        );
      }
      const deployments = options.deployments?.get(resourceId);
      const lead = inUseLead(group);
      const write: ResourceWrite = {
        resourceId,
        stamp,
        ...(deployments
          ? { index: indexOf(group[0] as Finding, stamp.evaluatedAt, deployments, options) }
          : {}),
        findingIds: [...byId.keys()],
        async decide(id, current) {
          const finding = byId.get(id) as Finding;
          const inForce = needsSuppressions(finding, current) ? await suppressions() : undefined;
          const decision = decideEvaluation(current, finding, suppressionFor(finding, current, inForce));
          return lead === undefined || id === lead ? decision : { ...decision, quietInUse: true };
        },
      };
      const applied = await applyResourceWrite(
        context,
        write,
        skips(resourceId, group)
          ? await readResourceState(context, resourceId, write.findingIds)
          : { record, stored },
      );
      return group.map(function lineOf(finding) {
        const one = applied.get(finding.id) as Applied;
        return changeLine(one, one.previous || one.decision.next ? undefined : unstored(finding));
      });
    },
    'resources',
  );
  return inOrder([...latest.keys()], lines.flat());
}

/**
 * Resolves the given stored findings because their resource is gone: per resource, a removal at
 * `at` applied against the resource's evaluation record like an evaluation (README.md, "Ordering").
 */
export async function writeRemovals(
  context: StoreContext,
  findings: readonly StoredFinding[],
  reason: string,
  at: string,
  concurrency: number,
  options: Pick<IndexOptions, 'moved'> = {},
): Promise<FindingChange[]> {
  const unique = new Map(findings.map((finding) => [finding.id, finding]));
  const byResource = groupBy([...unique.values()], (finding) => finding.resourceId);
  const { records, stored } = await readRecordsAndFindings(context, idsOf(byResource), false);
  const expiresAt = Math.floor(context.clock().getTime() / 1000) + context.historyTtlSeconds;
  const lines = await settleAll(
    [...byResource],
    concurrency,
    async function removeResource([resourceId, group]) {
      const gone = group.map((finding) => ({
        ...finding,
        status: 'NOT_APPLICABLE' as const,
        message: reason,
      }));
      const write: ResourceWrite = {
        resourceId,
        stamp: { evaluatedAt: at, digest: evaluationDigest(gone) },
        findingIds: group.map((finding) => finding.id),
        expiresAt,
        ...(isDeploymentType(group[0]?.resourceType ?? '')
          ? { index: indexOf(group[0] as Finding, at, undefined, options) }
          : {}),
        decide(_id, current) {
          return current ? decideRemoval(current, reason, at) : { transition: 'unchanged' };
        },
      };
      const applied = await applyResourceWrite(context, write, { record: records.get(resourceId), stored });
      return group.map((finding) => changeLine(applied.get(finding.id) as Applied, finding));
    },
    'resources',
  );
  return inOrder([...unique.keys()], lines.flat());
}

/**
 * The one finding of an image that announces it now runs: its most severe failing finding (then
 * the first check id); undefined for a resource whose findings carry no `inUse`.
 */
function inUseLead(group: readonly Finding[]): string | undefined {
  const failing = group.filter((finding) => finding.inUse !== undefined && finding.status === 'FAIL');
  const rank = (finding: Finding) => SEVERITIES.indexOf(finding.severity);
  failing.sort((a, b) => rank(a) - rank(b) || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
  return failing[0]?.id;
}

/** The index part of one resource's write: its identity from one of its findings. */
function indexOf(
  finding: Finding,
  evaluatedAt: string,
  next: ResourceDeployments | undefined,
  options: Pick<IndexOptions, 'moved'>,
): NonNullable<ResourceWrite['index']> {
  const { resourceId, resourceType, accountId, region } = finding;
  return {
    of: { resourceId, resourceType, accountId, region, evaluatedAt },
    next,
    moved: options.moved ?? [],
  };
}

/**
 * Every stored finding of one resource, by check id: a Query on byResource (keys only) and a
 * BatchGetItem of the findings it names (`consistent`: strongly consistent [eventually]).
 */
export async function resourceFindings(
  context: StoreContext,
  resourceId: string,
  consistent = false,
): Promise<StoredFinding[]> {
  const keys = await queryAll(context, {
    index: 'byResource',
    partitions: [{ pk: `RES#${resourceId}` }],
    filters: {},
  });
  const ids = keys.flatMap((key) => (typeof key.PK === 'string' ? [key.PK.slice(2)] : []));
  const found = await readFindings(context, ids, consistent);
  return [...found.values()].sort((a, b) => (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
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

/** The latest evaluatedAt of a resource's findings: the time of its evaluation. */
function latestTime(findings: readonly Finding[]): string {
  let latest = findings[0]?.evaluatedAt ?? '';
  for (const finding of findings) if (isNewer(finding.evaluatedAt, latest)) latest = finding.evaluatedAt;
  return latest;
}

/** What a change line shows of a finding that is not stored (a stale evaluation of it): version 0. */
function unstored(finding: Finding): StoredFinding {
  const first = decideEvaluation(undefined, finding).next as StoredFinding;
  return { ...first, version: 0 };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The change lines in the order of the given finding ids. */
function inOrder(findingIds: readonly string[], lines: readonly FindingChange[]): FindingChange[] {
  const byId = new Map(lines.map((line) => [line.findingId, line]));
  return findingIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Reads the suppressions in force from the batch's earliest FAIL at most once, when a decision
 * first needs them (a FAIL to write), for every resource of the batch.
 */
function suppressionsLoader(context: StoreContext, findings: readonly Finding[]) {
  const failing = findings.filter((finding) => finding.status === 'FAIL').map((f) => f.evaluatedAt);
  const earliest = failing.sort()[0];
  let loading: Promise<Suppression[]> | undefined;
  return function suppressionsInForce(): Promise<Suppression[]> {
    loading ??= readSuppressions(context, earliest);
    return loading;
  };
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

/**
 * Runs `work` on every input, `concurrency` at a time; throws once all settled if any failed,
 * counting the failed inputs as `noun`.
 */
export async function settleAll<T, R>(
  inputs: T[],
  concurrency: number,
  work: (input: T) => Promise<R>,
  noun = 'findings',
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
    throw new StoreWriteError(`${failures.length} of ${inputs.length} ${noun} could not be stored (${why})`, {
      cause: first,
    });
  }
  return results.map((result) => (result as PromiseFulfilledResult<R>).value);
}
