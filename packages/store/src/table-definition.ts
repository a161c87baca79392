import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The findings table, defined once as plain data in the shape of SST's `sst.aws.Dynamo` arguments
 * (`fields`, `primaryIndex`, `globalIndexes`, `stream`, `ttl`), so the infra passes it as is and
 * `createFindingsTable` derives the CreateTable request from it. README.md explains each key.
 */
export const FINDINGS_TABLE = {
  fields: {
    PK: 'string',
    SK: 'string',
    GSI1PK: 'string',
    GSI1SK: 'string',
    GSI2PK: 'string',
    GSI2SK: 'string',
    GSI4PK: 'string',
    GSI4SK: 'string',
    GSI5PK: 'string',
    GSI5SK: 'string',
  },
  primaryIndex: { hashKey: 'PK', rangeKey: 'SK' },
  globalIndexes: {
    /** Findings by status, then severity. */
    byStatus: { hashKey: 'GSI1PK', rangeKey: 'GSI1SK', projection: 'all' },
    /**
     * Findings of one check, by status; with the catalog (a check has one resource type,
     * recommendation and severity), also the findings of a resource type or recommendation.
     */
    byCheck: { hashKey: 'GSI2PK', rangeKey: 'GSI2SK', projection: 'all' },
    /**
     * Findings of one resource (ARN), by check: keys only (a resource's findings are then read
     * with BatchGetItem), so a finding's change never writes this index; only its first write does.
     */
    byResource: { hashKey: 'GSI4PK', rangeKey: 'GSI4SK', projection: 'keys-only' },
    /** Findings of one account and region, by resource type then status. */
    byAccountRegion: { hashKey: 'GSI5PK', rangeKey: 'GSI5SK', projection: 'all' },
  },
  stream: 'new-and-old-images',
  /**
   * Epoch seconds after which DynamoDB deletes the item: history entries, delivered outbox entries,
   * daily posture records, and the findings and evaluation record of a resource that is gone.
   */
  ttl: 'expiresAt',
} as const;

export type FindingsIndexName = keyof typeof FINDINGS_TABLE.globalIndexes;

const ATTRIBUTE_TYPES = { string: 'S', number: 'N', binary: 'B' } as const;
const PROJECTIONS = { all: 'ALL', 'keys-only': 'KEYS_ONLY' } as const;

/**
 * The CreateTable request for `FINDINGS_TABLE` (on-demand billing, stream with new and old images).
 * @example await client.send(new CreateTableCommand(findingsCreateTableInput('customs-findings')));
 */
export function findingsCreateTableInput(tableName: string): CreateTableCommandInput {
  const { fields, primaryIndex, globalIndexes } = FINDINGS_TABLE;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: Object.entries(fields).map(([name, type]) => ({
      AttributeName: name,
      AttributeType: ATTRIBUTE_TYPES[type],
    })),
    KeySchema: [
      { AttributeName: primaryIndex.hashKey, KeyType: 'HASH' },
      { AttributeName: primaryIndex.rangeKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(globalIndexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.hashKey, KeyType: 'HASH' },
        { AttributeName: index.rangeKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: PROJECTIONS[index.projection] },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
