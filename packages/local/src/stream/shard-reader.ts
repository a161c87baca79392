import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from '@aws-sdk/client-dynamodb-streams';

interface ShardState {
  id: string;
  parentId: string | undefined;
  iterator: string | undefined;
  lastSequence: string | undefined;
  /** Closed and read to its end. */
  done: boolean;
  /** Known when the reader started (LATEST applies to these only). */
  initial: boolean;
}

/**
 * Reads one DynamoDB stream shard by shard, following the lineage: a child shard is read only once
 * its parent is read to its end, so a key's records stay in order. Expired iterators are renewed
 * after the last sequence number read.
 */
export class ShardReader {
  readonly #streams: DynamoDBStreamsClient;
  readonly #streamArn: string;
  readonly #startAt: 'TRIM_HORIZON' | 'LATEST';
  readonly #shards = new Map<string, ShardState>();
  #described = false;

  constructor(streams: DynamoDBStreamsClient, streamArn: string, startAt: 'TRIM_HORIZON' | 'LATEST') {
    this.#streams = streams;
    this.#streamArn = streamArn;
    this.#startAt = startAt;
  }

  /** Reads every shard that is ready once, as far as it goes, passing each page of records on. */
  async readAvailable(onRecords: (records: StreamsRecord[]) => Promise<void>): Promise<number> {
    await this.#describe();
    let total = 0;
    for (const shard of this.#ready()) {
      for (;;) {
        const records = await this.#readPage(shard);
        if (records.length > 0) {
          total += records.length;
          await onRecords(records);
        }
        if (records.length === 0 || shard.done) break;
      }
    }
    return total;
  }

  /** Shards not done whose parent is unknown (trimmed) or done, parents first. */
  #ready(): ShardState[] {
    return [...this.#shards.values()].filter(
      (shard) =>
        !shard.done && (shard.parentId === undefined || this.#shards.get(shard.parentId)?.done !== false),
    );
  }

  async #describe(): Promise<void> {
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.#streams.send(
        new DescribeStreamCommand({ StreamArn: this.#streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || this.#shards.has(shard.ShardId)) continue;
        this.#shards.set(shard.ShardId, {
          id: shard.ShardId,
          parentId: shard.ParentShardId,
          iterator: undefined,
          lastSequence: undefined,
          done: false,
          initial: !this.#described,
        });
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.#described = true;
  }

  async #readPage(shard: ShardState): Promise<StreamsRecord[]> {
    shard.iterator ??= await this.#iterator(shard);
    let response: GetRecordsCommandOutput;
    try {
      response = await this.#getRecords(shard.iterator);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'ExpiredIteratorException') throw error;
      shard.iterator = await this.#iterator(shard);
      response = await this.#getRecords(shard.iterator);
    }
    const records = response.Records ?? [];
    shard.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence;
    shard.iterator = response.NextShardIterator;
    if (!response.NextShardIterator) shard.done = true;
    return records;
  }

  #getRecords(iterator: string | undefined): Promise<GetRecordsCommandOutput> {
    return this.#streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
  }

  async #iterator(shard: ShardState): Promise<string | undefined> {
    const after = shard.lastSequence;
    const type = after ? 'AFTER_SEQUENCE_NUMBER' : shard.initial ? this.#startAt : 'TRIM_HORIZON';
    const { ShardIterator } = await this.#streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.#streamArn,
        ShardId: shard.id,
        ShardIteratorType: type,
        ...(after ? { SequenceNumber: after } : {}),
      }),
    );
    return ShardIterator;
  }
}
