import { type AuditBatch, type AuditEventResult, auditBatchOf, distinctRefs } from '@customs/events';
import type { FindingChange } from '@customs/store';
import { assessRefs } from './assess-refs.js';
import type { PipelineDependencies } from './dependencies.js';

/**
 * One audit event of a payload, assessed: a refs outcome carries the finding changes and
 * collector warnings of its refs' re-read, or, when an earlier event of the payload named the
 * same refs, the index of that event (`with`): each distinct ref is re-read once per payload.
 */
export type AssessedAuditEvent =
  | Exclude<AuditEventResult, { outcome: 'refs' }>
  | (Extract<AuditEventResult, { outcome: 'refs' }> & {
      changes: FindingChange[];
      warnings: string[];
      with?: number;
    });

/** What one subscription payload did. */
export interface AuditPayloadOutcome {
  batch: AuditBatch;
  events: AssessedAuditEvent[];
  /** Every finding change of the payload, in order. */
  changes: FindingChange[];
  warnings: string[];
  /** The distinct refs re-read. */
  refs: number;
}

/**
 * Re-assesses what a CloudWatch Logs subscription payload of a cluster's audit log names: decodes
 * it (an `EventValidationError` for a payload that is not one, before anything is read), maps each
 * audit event to one outcome, re-reads each distinct ref once (a rollout's many writes of one
 * Deployment re-read it once), in the order the events name them, and evaluates and stores it.
 * The refs are of the collector's region: a subscription delivers in its log group's region.
 * @example const { events, changes } = await processAuditPayload(lambdaEvent, dependencies);
 */
export async function processAuditPayload(
  raw: unknown,
  dependencies: PipelineDependencies,
): Promise<AuditPayloadOutcome> {
  const batch = auditBatchOf(raw, dependencies.collector.scope.region);
  if (batch.messageType === 'CONTROL_MESSAGE')
    return { batch, events: [], changes: [], warnings: [], refs: 0 };
  const assessed = new Map<number, { changes: FindingChange[]; warnings: string[] }>();
  const firstOf = new Map<number, number>();
  const distinct = distinctRefs(batch.events);
  for (const { ref, events } of distinct) {
    const [first = 0, ...later] = events;
    const { changes, warnings } = await assessRefs([ref], dependencies);
    const entry = assessed.get(first) ?? { changes: [], warnings: [] };
    entry.changes.push(...changes);
    entry.warnings.push(...warnings);
    assessed.set(first, entry);
    for (const index of later) if (!assessed.has(index) && !firstOf.has(index)) firstOf.set(index, first);
  }
  const events = batch.events.map((event): AssessedAuditEvent => {
    if (event.outcome !== 'refs') return event;
    const own = assessed.get(event.index);
    if (own) return { ...event, ...own };
    return { ...event, changes: [], warnings: [], with: firstOf.get(event.index) ?? event.index };
  });
  const changes = events.flatMap((event) => ('changes' in event ? event.changes : []));
  const warnings = events.flatMap((event) => ('warnings' in event ? event.warnings : []));
  return { batch, events, changes, warnings, refs: distinct.length };
}
