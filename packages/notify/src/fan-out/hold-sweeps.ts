import type { ClaimResult, OutboxDelivery } from '@customs/store';
import type { FindingTransition } from '../transitions/index.js';
import type { OutboxPort } from './model.js';

/** How long a sweep run's messages are held at most when its end marker never comes: 30 minutes. */
export const DEFAULT_SWEEP_HOLD_MS = 30 * 60_000;

/** What holding a batch's sweep deliveries did. */
export interface HeldDeliveries {
  /** Deliveries to send now: every delivery but a sweep transition's Slack message. */
  now: OutboxDelivery[];
  /** Held in the outbox for their run's digest in this run. */
  held: number;
  /** Held before, or delivered before (a replayed record). */
  alreadyHeld: number;
  alreadyDelivered: number;
  /** The runs of the held deliveries. */
  runs: Set<string>;
}

function runOf(delivery: OutboxDelivery): string | undefined {
  if (!delivery.target.startsWith('slack:')) return undefined;
  return (delivery.payload as { transition?: FindingTransition }).transition?.sweepRun;
}

/**
 * Holds the Slack deliveries of sweep transitions (a `sweepRun` mark) in the outbox for their
 * run's end, one digest per webhook; events (EventBridge, Security Hub) and an event's transitions
 * go at once. A replayed record finds its delivery held or delivered and writes nothing.
 */
export async function holdSweepDeliveries(
  outbox: OutboxPort,
  deliveries: readonly OutboxDelivery[],
): Promise<HeldDeliveries> {
  const result: HeldDeliveries = { now: [], held: 0, alreadyHeld: 0, alreadyDelivered: 0, runs: new Set() };
  const byRun = new Map<string, OutboxDelivery[]>();
  for (const delivery of deliveries) {
    const run = runOf(delivery);
    if (run === undefined) result.now.push(delivery);
    else byRun.set(run, [...(byRun.get(run) ?? []), delivery]);
  }
  for (const [run, held] of byRun) {
    result.runs.add(run);
    for (const { outcome } of await outbox.hold(held, run)) {
      if (outcome === 'held') result.held++;
      else if (outcome === 'delivered') result.alreadyDelivered++;
      else result.alreadyHeld++;
    }
  }
  return result;
}

/** When the run id says its run started (`<ISO time>#<random>`), epoch ms; NaN otherwise. */
function startedAt(runId: string): number {
  return Date.parse(runId.slice(0, runId.indexOf('#')));
}

/**
 * The sweep runs whose held messages go out in this run: those whose end marker this batch
 * carries, and, among the runs this batch held for and (on a run that retries pending) the runs
 * of the oldest held deliveries, those whose end marker is written (a straggler from another
 * shard, a marker seen by another invocation) or that started longer ago than `maxHoldMs` (a
 * sweep that stopped before its end).
 */
export async function runsToRelease(
  outbox: OutboxPort,
  candidates: { ended: readonly string[]; held: Iterable<string>; scanHeld: boolean },
  nowMs: number,
  maxHoldMs: number,
): Promise<string[]> {
  const release = new Set(candidates.ended);
  const unknown = new Set(candidates.held);
  if (candidates.scanHeld) for (const run of await outbox.heldRuns()) unknown.add(run);
  for (const run of unknown) {
    if (release.has(run)) continue;
    if (nowMs - startedAt(run) > maxHoldMs || (await outbox.sweepRunEnded(run))) release.add(run);
  }
  return [...release];
}

/** Claims the held deliveries of the runs (one Query each): they go out with this run, as digests. */
export async function claimReleased(outbox: OutboxPort, runs: readonly string[]): Promise<ClaimResult[]> {
  const claims: ClaimResult[] = [];
  for (const run of runs) claims.push(...(await outbox.claimHeld(await outbox.heldOfRun(run))));
  return claims;
}
