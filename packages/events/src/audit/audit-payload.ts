import type { ResourceRef } from '@customs/core';
import { EventValidationError } from '../errors.js';
import { isRegionName } from '../schemas/aws-values.js';
import { auditEventOutcome } from './audit-event.js';
import { decodeAwsLogs } from './awslogs.js';

/** Where one log event of a payload ends, by its index in `logEvents` and its id. */
export type AuditEventResult = { index: number; id: string } & (
  | { outcome: 'refs'; refs: ResourceRef[] }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'rejected'; reason: string }
);

/** A subscription payload mapped: each audit event's outcome, or a control message's reason. */
export type AuditBatch =
  | { messageType: 'CONTROL_MESSAGE'; reason: string }
  | {
      messageType: 'DATA_MESSAGE';
      cluster: string;
      accountId: string;
      region: string;
      events: AuditEventResult[];
    };

/**
 * Decodes a CloudWatch Logs subscription payload of an EKS cluster's log group and maps each of
 * its log events to exactly one outcome (refs, ignored, rejected: `auditEventOutcome`), in order;
 * refs carry the log group's account (`owner`) and `region`, the region the subscription delivers
 * in (a subscription's destination is in the log group's region: the Lambda's own, or locally the
 * snapshot's). A payload that is not one (bounds, base64, gzip, JSON, shape, log group) is an
 * `EventValidationError`. Linear in the number of log events.
 * @example const batch = auditBatchOf(lambdaEvent, process.env.AWS_REGION);
 */
export function auditBatchOf(raw: unknown, region: string): AuditBatch {
  if (!isRegionName(region))
    throw new EventValidationError(`region: ${region.slice(0, 40)} is not an AWS Region name`);
  const batch = decodeAwsLogs(raw);
  if (batch.messageType === 'CONTROL_MESSAGE') return batch;
  const { cluster, accountId } = batch;
  const events = batch.logEvents.map((logEvent, index): AuditEventResult => {
    const outcome = auditEventOutcome(logEvent.message, cluster);
    const at = { index, id: logEvent.id };
    if (outcome.outcome !== 'refs') return { ...at, ...outcome };
    return { ...at, outcome: 'refs', refs: outcome.refs.map((ref) => ({ ...ref, accountId, region })) };
  });
  return { messageType: 'DATA_MESSAGE', cluster, accountId, region, events };
}

/**
 * The distinct refs of a batch, in order of first mention, each with the indexes of the log events
 * that name it: a rollout's many writes of one Deployment re-read it once.
 * @example for (const { ref, events } of distinctRefs(batch.events)) await assess([ref]);
 */
export function distinctRefs(events: AuditEventResult[]): { ref: ResourceRef; events: number[] }[] {
  const byKey = new Map<string, { ref: ResourceRef; events: number[] }>();
  for (const event of events) {
    if (event.outcome !== 'refs') continue;
    for (const ref of event.refs) {
      const key = `${ref.type}|${ref.parent ?? ''}|${ref.name}`;
      const entry = byKey.get(key);
      if (entry) entry.events.push(event.index);
      else byKey.set(key, { ref, events: [event.index] });
    }
  }
  return [...byKey.values()];
}
