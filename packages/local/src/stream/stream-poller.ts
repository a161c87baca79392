import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, type _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import { type EventPattern, matchesEventPattern } from '@customs/events';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ShardReader } from './shard-reader.js';
import { toLambdaRecord } from './to-lambda-record.js';

/** A handler as Lambda invokes it for a DynamoDB stream batch. */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPollerOptions {
  /** The DynamoDB Local client (DescribeTable gives the stream's ARN). */
  client: DynamoDBClient;
  /** DynamoDB Local's endpoint, for the streams client. */
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  /** Records per invocation, like the event source mapping's batchSize; 100 by default. */
  batchSize?: number;
  /** Wait between polls of `start()`; 250 ms by default. */
  pollIntervalMs?: number;
  /** The mapping's filter criteria: a record reaches the handler when one pattern matches. */
  filters?: readonly EventPattern[];
  /** Re-invocations of a batch that reported failures, from the first failed record; 2 by default. */
  maxRetries?: number;
  /** Where reading starts in the shards present at the start; TRIM_HORIZON by default. */
  startAt?: 'TRIM_HORIZON' | 'LATEST';
  /** Called by `start()` after a poll that found nothing (e.g. to retry pending deliveries). */
  onIdle?: () => Promise<void>;
  /** Told of a handler invocation that threw; the poller carries on. */
  onError?: (error: unknown) => void;
}

/** What the poller did so far. */
export interface StreamPollerStats {
  /** Records read from the stream (before filtering). */
  records: number;
  invocations: number;
  /** Records still failed after the retries (their notifications stay pending in the outbox). */
  failedRecords: number;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Reads the findings table's stream on DynamoDB Local (DescribeTable → LatestStreamArn;
 * DescribeStream, GetShardIterator, GetRecords along the shard lineage) and invokes a handler with
 * the event Lambda would send: the same record shape, filtered and batched like the event source
 * mapping, failed records retried from the first failure like `ReportBatchItemFailures`.
 * @example
 * const poller = new StreamPoller({ client, endpoint, tableName, handler });
 * await poller.drain(); // every record so far went through the handler
 */
export class StreamPoller {
  readonly #options: StreamPollerOptions;
  readonly #streams: DynamoDBStreamsClient;
  readonly stats: StreamPollerStats = { records: 0, invocations: 0, failedRecords: 0 };
  #reader: Promise<{ reader: ShardReader; streamArn: string }> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #loop: Promise<void> | undefined;
  #stopped = false;
  #wake: () => void = () => {};

  constructor(options: StreamPollerOptions) {
    this.#options = options;
    this.#streams = new DynamoDBStreamsClient({
      endpoint: options.endpoint,
      region: 'us-east-1',
      credentials: LOCAL_CREDENTIALS,
    });
  }

  /** Reads until the stream has no more records; resolves once they all went through the handler. */
  drain(): Promise<void> {
    return this.#exclusive(async () => {
      while ((await this.#pollOnce()) > 0);
    });
  }

  /** Polls in the background every `pollIntervalMs` until `stop()`. */
  start(): void {
    if (this.#loop) return;
    this.#stopped = false;
    this.#loop = (async () => {
      while (!this.#stopped) {
        try {
          const read = await this.#exclusive(() => this.#pollOnce());
          if (read === 0 && this.#options.onIdle) await this.#options.onIdle();
        } catch (error) {
          this.#options.onError?.(error);
        }
        await new Promise<void>((wake) => {
          this.#wake = wake;
          setTimeout(wake, this.#options.pollIntervalMs ?? 250);
        });
      }
    })();
  }

  /** Stops polling (after the current poll) and closes the streams client. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake();
    await this.#loop;
    await this.#queue;
    this.#loop = undefined;
    this.#streams.destroy();
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads what the stream has and invokes the handler with batches of up to `batchSize` matching
   * records, filled across the pages read (like Lambda, which filters before it batches, so the
   * records the filters drop do not cut batches short).
   */
  async #pollOnce(): Promise<number> {
    this.#reader ??= this.#open();
    const { reader, streamArn } = await this.#reader;
    const size = this.#options.batchSize ?? 100;
    const matching: DynamoDBRecord[] = [];
    const read = await reader.readAvailable(async (records) => {
      this.stats.records += records.length;
      matching.push(...this.#matching(records, streamArn));
      while (matching.length >= size) await this.#invoke(matching.splice(0, size));
    });
    if (matching.length > 0) await this.#invoke(matching.splice(0));
    return read;
  }

  async #open(): Promise<{ reader: ShardReader; streamArn: string }> {
    const { Table } = await this.#options.client.send(
      new DescribeTableCommand({ TableName: this.#options.tableName }),
    );
    const streamArn = Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`the table ${this.#options.tableName} has no stream`);
    return {
      reader: new ShardReader(this.#streams, streamArn, this.#options.startAt ?? 'TRIM_HORIZON'),
      streamArn,
    };
  }

  /** The records the mapping's filters let through, in Lambda's record shape. */
  #matching(records: StreamsRecord[], streamArn: string): DynamoDBRecord[] {
    const { filters } = this.#options;
    return records
      .map((record) => toLambdaRecord(record, streamArn))
      .filter((record) => !filters || filters.some((pattern) => matchesEventPattern(pattern, record)));
  }

  /** Invokes the handler; retries from the first failed record, like Lambda, then moves on. */
  async #invoke(records: DynamoDBRecord[]): Promise<void> {
    const maxRetries = this.#options.maxRetries ?? 2;
    let batch = records;
    for (let attempt = 0; ; attempt++) {
      this.stats.invocations++;
      let failed: Set<string>;
      try {
        const response = await this.#options.handler({ Records: batch });
        failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      } catch (error) {
        this.#options.onError?.(error);
        failed = new Set(batch.map((record) => record.dynamodb?.SequenceNumber ?? ''));
      }
      const first = batch.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      if (first < 0) return;
      if (attempt >= maxRetries) {
        this.stats.failedRecords += failed.size;
        return;
      }
      batch = batch.slice(first);
    }
  }
}
