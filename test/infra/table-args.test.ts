import { FINDINGS_TABLE, findingsCreateTableInput } from '@customs/store';
import { describe, expect, it } from 'vitest';
import { findingsTableArgs } from '../../infra/table-args.js';

describe('infra/table-args', () => {
  it('keeps every global index of the local table, with the same keys', () => {
    // Prepare
    const local = findingsCreateTableInput('customs-findings');

    // Act
    const deployed = findingsTableArgs(false);

    // Assess
    const localIndexes = Object.fromEntries(
      (local.GlobalSecondaryIndexes ?? []).map((index) => [
        index.IndexName,
        index.KeySchema?.map((key) => `${key.KeyType}:${key.AttributeName}`),
      ]),
    );
    const deployedIndexes = Object.fromEntries(
      Object.entries(deployed.globalIndexes).map(([name, index]) => [
        name,
        [`HASH:${index.hashKey}`, `RANGE:${index.rangeKey}`],
      ]),
    );
    expect(Object.keys(deployedIndexes)).toHaveLength(Object.keys(FINDINGS_TABLE.globalIndexes).length);
    expect(deployedIndexes).toEqual(localIndexes);
  });

  it('declares every key attribute and the primary key of the definition', () => {
    // Act
    const deployed = findingsTableArgs(false);

    // Assess
    const keyAttributes = [
      deployed.primaryIndex.hashKey,
      deployed.primaryIndex.rangeKey,
      ...Object.values(deployed.globalIndexes).flatMap((index) => [index.hashKey, index.rangeKey]),
    ];
    expect(Object.keys(deployed.fields).sort()).toEqual([...new Set(keyAttributes)].sort());
    expect(deployed.primaryIndex).toEqual({ hashKey: 'PK', rangeKey: 'SK' });
  });

  it('streams new and old images and expires history through the TTL attribute', () => {
    // Act
    const deployed = findingsTableArgs(false);

    // Assess
    expect(deployed.stream).toBe('new-and-old-images');
    expect(deployed.ttl).toBe(FINDINGS_TABLE.ttl);
  });

  it('protects the table from deletion in production only', () => {
    expect(findingsTableArgs(true).deletionProtection).toBe(true);
    expect(findingsTableArgs(false).deletionProtection).toBe(false);
  });
});
