import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SweepUnit } from '@customs/aws';
import { CustomsError } from '@customs/core';
import type { AccountSweepMessage } from '@customs/pipeline';

/** SendMessageBatch takes at most 10 messages. */
export const SQS_BATCH = 10;

/** How the enqueuer retries the entries SQS did not take. */
export interface EnqueueOptions {
  /** Sends of the same entry at most [4]. */
  maxAttempts?: number;
  /** Waits `backoffMs × attempt` between rounds [200]. */
  backoffMs?: number;
}

/** Some units could not be queued (a sender fault, or still failing after the retries): internal. */
export class EnqueueError extends CustomsError {
  override name = 'EnqueueError';

  constructor(message: string) {
    super('internal', message);
  }
}

/**
 * The split sweep's enqueuer: one SQS message per unit or account message (its JSON, as the sweep worker parses it),
 * sent with SendMessageBatch 10 at a time; the entries SQS reports `Failed` are sent again (up to
 * `maxAttempts`, unless the failure is the sender's), then an {@link EnqueueError} names them.
 * @example const enqueue = sqsEnqueuer(new SQSClient({}), process.env.CUSTOMS_SWEEP_QUEUE_URL);
 */
export function sqsEnqueuer(client: SQSClient, queueUrl: string, options: EnqueueOptions = {}) {
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffMs = options.backoffMs ?? 200;
  async function sendBatch(entries: SendMessageBatchRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { Failed = [] } = await client.send(
        new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }),
      );
      const senderFaults = Failed.filter((failure) => failure.SenderFault);
      if (senderFaults.length > 0 || (Failed.length > 0 && attempt >= maxAttempts)) {
        const reasons = Failed.map((failure) => `${failure.Id}: ${failure.Code} ${failure.Message ?? ''}`);
        throw new EnqueueError(`could not queue ${Failed.length} sweep unit(s): ${reasons.join('; ')}`);
      }
      const failed = new Set(Failed.map((failure) => failure.Id));
      pending = pending.filter((entry) => failed.has(entry.Id));
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs * attempt));
    }
  }
  return async function enqueue(units: readonly (SweepUnit | AccountSweepMessage)[]): Promise<void> {
    for (let start = 0; start < units.length; start += SQS_BATCH) {
      const entries = units.slice(start, start + SQS_BATCH).map((unit, index) => ({
        Id: String(start + index),
        MessageBody: JSON.stringify(unit),
      }));
      await sendBatch(entries);
    }
  };
}
