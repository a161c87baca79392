import { fileURLToPath } from 'node:url';
import type { Resource, ResourceRef } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, SnapshotCollector } from '../../src/index.js';
import { type MockedAws, mockAws } from './helpers/mock-aws.js';
import { readSnapshotDir } from './helpers/snapshot-files.js';

const DEMO = fileURLToPath(new URL('../../../local/snapshots/demo/', import.meta.url));

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

describe('AwsCollector on the demo account served as SDK responses', () => {
  it('collects exactly the resources the SnapshotCollector reads from the demo snapshot', async () => {
    // Prepare: every list split into pages of 2, so each paginator pages
    aws = mockAws(readSnapshotDir(DEMO), { pageSize: 2 });
    const snapshot = await SnapshotCollector.open(DEMO);
    // Act
    const live = await AwsCollector.open({ region: 'eu-west-1' });
    const fromAws = await live.collectAll();
    const fromSnapshot = await snapshot.collectAll();
    // Assess
    expect(live.scope).toEqual(snapshot.scope);
    expect(fromAws.warnings).toEqual([]);
    expect(fromAws.resources).toHaveLength(49);
    expect(fromAws.resources).toEqual(fromSnapshot.resources);
    expect(aws.sent.filter((command) => command.action === 'ecr:DescribeImages').length).toBeGreaterThan(5);
  });

  it('re-reads every demo resource by its ref exactly as the snapshot does', async () => {
    // Prepare
    aws = mockAws(readSnapshotDir(DEMO), { pageSize: 2 });
    const snapshot = await SnapshotCollector.open(DEMO);
    const live = await AwsCollector.open({ region: 'eu-west-1' });
    const { resources } = await snapshot.collectAll();
    const refs = resources.map((resource) => refOf(resource));
    // Act
    const fromAws = await live.collect(refs);
    const fromSnapshot = await snapshot.collect(refs);
    // Assess
    const byId = (list: { type: string; id: string }[]) =>
      [...list].sort((a, b) => `${a.type} ${a.id}`.localeCompare(`${b.type} ${b.id}`));
    expect(fromAws.missing).toEqual([]);
    expect(byId(fromAws.resources)).toEqual(byId(fromSnapshot.resources));
  });
});

function refOf(resource: Resource): ResourceRef {
  const { type } = resource;
  switch (resource.type) {
    case 'ecr-image':
      return { type, name: resource.digest, parent: resource.repositoryName };
    case 'eks-nodegroup':
      return { type, name: resource.name.split('/')[1] ?? '', parent: resource.clusterName };
    case 'eks-access-entry':
      return { type, name: resource.principalArn, parent: resource.clusterName };
    case 'iam-policy':
      return resource.kind === 'inline'
        ? {
            type,
            name: resource.name.split('/').slice(1).join('/'),
            parent: resource.id.split('/inline-policy/')[0] ?? '',
          }
        : { type, name: resource.id };
    default:
      return { type, name: resource.name };
  }
}
