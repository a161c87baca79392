import { safeText } from '@customs/core';

/** Lambda's partial batch response (ReportBatchItemFailures) for SQS and stream event sources. */
export interface PartialBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * The id a partial batch response names a record by: an SQS message's `messageId`, a DynamoDB
 * stream record's `dynamodb.SequenceNumber`. A record without one cannot be reported alone: the
 * error fails the whole batch, which Lambda then retries whole.
 * @example itemIdentifierOf(record) // '4421584500000000017450439091'
 */
export function itemIdentifierOf(record: {
  messageId?: string;
  eventID?: string;
  dynamodb?: { SequenceNumber?: string };
}): string {
  const id = record.messageId ?? record.dynamodb?.SequenceNumber;
  if (id) return id;
  const name = safeText(record.eventID ?? '(no eventID)');
  throw new Error(`record ${name} has neither a messageId nor a SequenceNumber: the batch fails whole`);
}

/**
 * The records of one batch that failed, answered as Lambda's partial batch response: Lambda
 * retries those (and, for a stream, what follows the first of them), not the rest. Each id is
 * reported once, in the order it first failed. The sweep worker and the fan-out use it. Not
 * Powertools Batch: its processor hands one raw record at a time to a record handler, but the
 * fan-out delivers a whole batch's transitions at once (digests, per-webhook pacing) and the sweep
 * worker's records are parsed by the validation middleware before the handler runs.
 * @example
 * const failures = new BatchItemFailures();
 * for (const record of event.Records)
 *   await failures.attempt(record.messageId, () => work(record), (error) => logger.error('failed', { error }));
 * return failures.response();
 */
export class BatchItemFailures {
  readonly #ids = new Set<string>();

  /** Marks one record failed. */
  add(itemIdentifier: string): void {
    this.#ids.add(itemIdentifier);
  }

  /**
   * Runs the work of one record; when it throws, the record is marked failed and `onError` is
   * told (to log it), and nothing is rethrown. Resolves whether the work succeeded.
   */
  async attempt(
    itemIdentifier: string,
    work: () => unknown,
    onError: (error: unknown) => void,
  ): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      this.add(itemIdentifier);
      onError(error);
      return false;
    }
  }

  /** The response for Lambda: `{ batchItemFailures: [{ itemIdentifier }] }`, empty when all succeeded. */
  response(): PartialBatchResponse {
    return { batchItemFailures: [...this.#ids].map((itemIdentifier) => ({ itemIdentifier })) };
  }
}
