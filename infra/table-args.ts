import { FINDINGS_TABLE } from '@customs/store';

type FieldType = 'string' | 'number' | 'binary';

/** The `sst.aws.Dynamo` arguments of the findings table (a structural subset of `DynamoArgs`). */
export interface FindingsTableArgs {
  fields: Record<string, FieldType>;
  primaryIndex: { hashKey: string; rangeKey: string };
  globalIndexes: Record<string, { hashKey: string; rangeKey: string; projection: 'all' | 'keys-only' }>;
  stream: 'new-and-old-images';
  ttl: string;
  deletionProtection: boolean;
}

/**
 * Maps the one table definition (`FINDINGS_TABLE` in packages/store, also behind the local
 * table) onto `sst.aws.Dynamo`'s arguments; deletion protection is on for production only.
 * @example new sst.aws.Dynamo('Findings', findingsTableArgs($app.stage === 'prod'));
 */
export function findingsTableArgs(production: boolean): FindingsTableArgs {
  const { fields, primaryIndex, globalIndexes, stream, ttl } = FINDINGS_TABLE;
  return {
    fields: { ...fields },
    primaryIndex: { hashKey: primaryIndex.hashKey, rangeKey: primaryIndex.rangeKey },
    globalIndexes: Object.fromEntries(
      Object.entries(globalIndexes).map(([name, index]) => [
        name,
        { hashKey: index.hashKey, rangeKey: index.rangeKey, projection: index.projection },
      ]),
    ),
    stream,
    ttl,
    deletionProtection: production,
  };
}
