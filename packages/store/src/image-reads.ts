import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';

/**
 * An ECR image's per-image facts as a collector last read them (signing status, referrers' artifact
 * types), so that a sweep re-reads an image only when it is new or due (`@customs/aws`, image-reads).
 */
export interface ImageReadFacts {
  digest: string;
  signingStatus?: string;
  referrerArtifactTypes: string[];
  /** When they were read (ISO 8601). */
  readAt: string;
  /** How DescribeImages listed the digest then (`@customs/aws` listingOf), when known. */
  listed?: string;
}

/** A repository's image reads are one partition, one item per digest. No GSI key: no index holds them. */
const IMAGE_READS_PREFIX = 'IMAGEREADS#';
/** BatchWriteItem's limit of requests per call. */
const BATCH_WRITE_LIMIT = 25;
const MAX_BATCH_ROUNDS = 10;

function partitionOf(repositoryArn: string): string {
  return `${IMAGE_READS_PREFIX}${repositoryArn}`;
}

function factsFromItem(item: Record<string, unknown>): ImageReadFacts | undefined {
  if (typeof item.SK !== 'string' || typeof item.readAt !== 'string') return undefined;
  const types = Array.isArray(item.referrerArtifactTypes) ? item.referrerArtifactTypes : [];
  return {
    digest: item.SK,
    ...(typeof item.signingStatus === 'string' ? { signingStatus: item.signingStatus } : {}),
    referrerArtifactTypes: types.filter((type): type is string => typeof type === 'string'),
    readAt: item.readAt,
    ...(typeof item.listed === 'string' ? { listed: item.listed } : {}),
  };
}

/**
 * The image reads recorded for a repository: one Query of its partition (pages of 1 MB),
 * eventually consistent — a read a moment old only makes an image look due or new, and so read
 * again, never keeps a wrong fact (facts are recorded after they are read).
 */
export async function imageReadsOf(context: StoreContext, repositoryArn: string): Promise<ImageReadFacts[]> {
  const facts: ImageReadFacts[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const response = await context.doc.send(
      new QueryCommand({
        TableName: context.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partitionOf(repositoryArn) },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of response.Items ?? []) {
      const read = factsFromItem(item);
      if (read) facts.push(read);
    }
    start = response.LastEvaluatedKey;
  } while (start);
  return facts;
}

/**
 * Records image reads (a put per digest: the latest read wins, they are facts of an immutable
 * digest) and deletes those of digests gone from the repository, with BatchWriteItem (25 a call,
 * unprocessed requests retried with backoff, at most 10 calls a batch).
 */
export async function recordImageReads(
  context: StoreContext,
  repositoryArn: string,
  read: readonly ImageReadFacts[],
  gone: readonly string[],
): Promise<void> {
  const PK = partitionOf(repositoryArn);
  const requests: Record<string, unknown>[] = [
    ...read.map((facts) => ({
      PutRequest: {
        Item: {
          PK,
          SK: facts.digest,
          type: 'image-read',
          ...(facts.signingStatus ? { signingStatus: facts.signingStatus } : {}),
          referrerArtifactTypes: facts.referrerArtifactTypes,
          readAt: facts.readAt,
          ...(facts.listed === undefined ? {} : { listed: facts.listed }),
        },
      },
    })),
    ...gone.map((digest) => ({ DeleteRequest: { Key: { PK, SK: digest } } })),
  ];
  for (let offset = 0; offset < requests.length; offset += BATCH_WRITE_LIMIT) {
    let batch = requests.slice(offset, offset + BATCH_WRITE_LIMIT);
    for (let round = 0; batch.length > 0; round++) {
      if (round >= MAX_BATCH_ROUNDS) {
        throw new Error(
          `DynamoDB left ${batch.length} image reads unwritten after ${round} BatchWriteItem calls`,
        );
      }
      if (round > 0) await new Promise((wake) => setTimeout(wake, Math.min(1000, 25 * 2 ** round)));
      const response = await context.doc.send(
        new BatchWriteCommand({ RequestItems: { [context.tableName]: batch as never } }),
      );
      batch = (response.UnprocessedItems?.[context.tableName] ?? []) as Record<string, unknown>[];
    }
  }
}
