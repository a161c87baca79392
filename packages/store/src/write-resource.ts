import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';
import { mergedCounterUpdates } from './counters.js';
import {
  type DeploymentOf,
  type IndexWrite,
  indexedAfter,
  indexWrites,
  type MovedDigest,
  type ResourceDeployments,
} from './deployment-index.js';
import {
  type EvaluationStamp,
  evaluationUpdate,
  orderOf,
  readBefore,
  readEvaluations,
} from './evaluation-record.js';
import type { Decision } from './lifecycle.js';
import type { ResourceEvaluation, StoredFinding } from './model.js';
import { readFindings } from './read-findings.js';
import {
  type Applied,
  counterItems,
  findingWriteItems,
  isWriteConflict,
  type TransactItem,
} from './write-change.js';

/** What to store of one resource: one evaluation (or removal) and how it decides each finding. */
export interface ResourceWrite {
  resourceId: string;
  /** Its time and digest, compared with the resource's evaluation record. */
  stamp: EvaluationStamp;
  /** The findings it decides. */
  findingIds: readonly string[];
  /** The decision on one finding given what is stored; asked again after every re-read. */
  decide(findingId: string, stored: StoredFinding | undefined): Decision | Promise<Decision>;
  /**
   * A removal (the resource is gone): the record and the findings the removal writes expire (TTL)
   * at this epoch second; the next evaluation that writes them (the resource is back) clears it.
   */
  expiresAt?: number;
  /**
   * A deployment's digests (README.md, "Deployed digests"), written in the same transactions as
   * the record: `next` what this evaluation runs (undefined: a removal, every indexed digest
   * deleted); the digests whose items moved are pushed to `moved` once all is committed.
   */
  index?: { of: DeploymentOf; next: ResourceDeployments | undefined; moved: MovedDigest[] };
}

/**
 * The resource's evaluation record and stored findings: read together (then checked with
 * `readBefore`) or the record first.
 */
export interface ResourceState {
  record: ResourceEvaluation | undefined;
  stored: ReadonlyMap<string, StoredFinding>;
}

/** TransactWriteItems takes at most 100 actions. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Stores one evaluation of a resource against its evaluation record (README.md, "Ordering"):
 * - older than the record (evaluatedAt earlier, or equal with a smaller digest): every finding
 *   `stale`, no write;
 * - the recorded evaluation itself, nothing left to write: `stale` (a duplicate), no write;
 * - nothing changed: one conditional UpdateItem of the record (its time and digest);
 * - else one TransactWriteItems of the changed findings (each conditional on its version), their
 *   history entries, the counters they move and the record (more than one when over 100 actions).
 * Every write of the record is conditional on the `seq` read, so a write that landed after the
 * record was read fails it; a finding read before a write that the record was read after is seen
 * on the record's versions (`readBefore`). Either way the record, then the findings, are read again
 * and decided again, at most `maxConflictAttempts` times.
 * @example const applied = await applyResourceWrite(context, write, { record, stored });
 */
export async function applyResourceWrite(
  context: StoreContext,
  write: ResourceWrite,
  initial: ResourceState,
): Promise<Map<string, Applied>> {
  const results = new Map<string, Applied>();
  let state = readBefore(initial.record, initial.stored, write.findingIds)
    ? await readResourceState(context, write.resourceId, write.findingIds)
    : initial;
  for (let attempt = 1; ; attempt++) {
    const pending = write.findingIds.filter((id) => !results.has(id));
    const order = orderOf(write.stamp, state.record);
    if (order === 'older') return settle(results, pending, state, 'stale');
    const decided = await Promise.all(
      pending.map(async function decideOne(id): Promise<[string, Applied]> {
        const previous = state.stored.get(id);
        return [id, { decision: await write.decide(id, previous), previous }];
      }),
    );
    const changes = decided.filter(([, applied]) => applied.decision.next !== undefined);
    if (order === 'same' && changes.length === 0) {
      return results.size > 0 ? settleWith(results, decided) : settle(results, pending, state, 'stale');
    }
    try {
      await writeChanges(context, write, state.record, changes, results);
      return settleWith(results, decided);
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= context.maxConflictAttempts) throw error;
      await new Promise((wake) => setTimeout(wake, Math.random() * 10 * 2 ** Math.min(attempt, 6)));
      state = await readResourceState(context, write.resourceId, pending);
    }
  }
}

/** Reads the resource's evaluation record, then (after it) the given findings. */
export async function readResourceState(
  context: StoreContext,
  resourceId: string,
  findingIds: readonly string[],
): Promise<ResourceState> {
  const records = await readEvaluations(context, [resourceId]);
  const stored = await readFindings(context, findingIds);
  return { record: records.get(resourceId), stored };
}

/**
 * Writes the record alone (nothing changed) or with the changes, in transactions of at most 100
 * actions, each conditional on the record's `seq` after the one before and keeping the new
 * versions of the findings written; records each committed chunk's findings in `results`.
 */
async function writeChanges(
  context: StoreContext,
  write: ResourceWrite,
  read: ResourceEvaluation | undefined,
  changes: readonly [string, Applied][],
  results: Map<string, Applied>,
): Promise<void> {
  const { resourceId, stamp, expiresAt } = write;
  const removal = expiresAt === undefined ? {} : { expiresAt };
  const index = write.index ? indexWrites(context, write.index.of, read, write.index.next) : undefined;
  if (changes.length === 0 && (index?.writes.length ?? 0) === 0) {
    const update = evaluationUpdate(context, resourceId, stamp, { expectedSeq: read?.seq, ...removal });
    await context.doc.send(new UpdateCommand(update));
    return;
  }
  let seq = read?.seq;
  const versions = { ...read?.versions };
  const states = { ...read?.states };
  let deployed = read?.deployed;
  for (const { findings: chunk, index: indexed } of transactions(changes, index?.writes ?? [])) {
    const items: TransactItem[] = chunk.flatMap(([, { decision, previous }]) =>
      findingWriteItems(context, previous, decision.next as StoredFinding, decision, expiresAt),
    );
    const counters = mergedCounterUpdates(
      chunk.map(([, { decision, previous }]) => [previous, decision.next]),
    );
    for (const [id, { decision }] of chunk) {
      versions[id] = decision.next?.version ?? 0;
      if (decision.next) states[id] = decision.next.state;
    }
    if (indexed.length > 0) deployed = indexedAfter(deployed, indexed);
    const record = evaluationUpdate(context, resourceId, stamp, {
      expectedSeq: seq,
      versions,
      states,
      ...removal,
      ...(indexed.length > 0 && deployed ? { deployed } : {}),
    });
    await context.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...items,
          ...counterItems(context, counters),
          ...indexed.map((each) => each.item),
          { Update: record },
        ],
      }),
    );
    seq = (seq ?? 0) + 1;
    for (const [id, applied] of chunk) results.set(id, applied);
  }
  if (index && write.index) write.index.moved.push(...index.moved);
}

/**
 * The transactions of a write: the finding changes in chunks (`transactionChunks`), the index
 * writes in the last one when they fit, else in transactions of their own after it.
 */
function transactions(
  changes: readonly [string, Applied][],
  indexWrites: readonly IndexWrite[],
): { findings: [string, Applied][]; index: IndexWrite[] }[] {
  const all = transactionChunks(changes).map((findings) => ({ findings, index: [] as IndexWrite[] }));
  let rest = [...indexWrites];
  const last = all.at(-1);
  if (last) {
    const used = 2 * last.findings.length + countersOf(last.findings) + 1;
    last.index = rest.splice(0, Math.max(0, MAX_TRANSACTION_ITEMS - used));
  }
  while (rest.length > 0) {
    all.push({ findings: [], index: rest.slice(0, MAX_TRANSACTION_ITEMS - 1) });
    rest = rest.slice(MAX_TRANSACTION_ITEMS - 1);
  }
  return all;
}

const countersOf = (chunk: readonly [string, Applied][]) =>
  mergedCounterUpdates(chunk.map(([, { decision, previous }]) => [previous, decision.next])).length;

/** Splits the changes so that each transaction holds at most 100 actions (the record included). */
function transactionChunks(changes: readonly [string, Applied][]): [string, Applied][][] {
  const chunks: [string, Applied][][] = [];
  let current: [string, Applied][] = [];
  for (const change of changes) {
    const candidate = [...current, change];
    const counters = mergedCounterUpdates(
      candidate.map(([, { decision, previous }]) => [previous, decision.next]),
    );
    if (current.length > 0 && 2 * candidate.length + counters.length + 1 > MAX_TRANSACTION_ITEMS) {
      chunks.push(current);
      current = [change];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Every pending finding settles with the same transition, against what is stored. */
function settle(
  results: Map<string, Applied>,
  pending: readonly string[],
  state: ResourceState,
  transition: 'stale',
): Map<string, Applied> {
  for (const id of pending) results.set(id, { decision: { transition }, previous: state.stored.get(id) });
  return results;
}

/** The decided findings that no committed chunk settled settle with their decision. */
function settleWith(
  results: Map<string, Applied>,
  decided: readonly [string, Applied][],
): Map<string, Applied> {
  for (const [id, applied] of decided) if (!results.has(id)) results.set(id, applied);
  return results;
}
