import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotCollector, SnapshotError } from '../../src/index.js';
import { cliJson } from '../helpers/fixtures.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';

const account = { accountId: '111122223333', region: 'us-east-2' };

async function sweep(files: Record<string, unknown>) {
  const collector = await SnapshotCollector.open(await writeSnapshot({ 'account.json': account, ...files }));
  return collector.collectAll();
}

describe('SnapshotCollector errors', () => {
  it('names the file and the field of a wrong type', async () => {
    // Prepare
    const cluster = cliJson('eks/describe-cluster.json') as { cluster: { resourcesVpcConfig: object } };
    cluster.cluster.resourcesVpcConfig = {
      ...cluster.cluster.resourcesVpcConfig,
      endpointPublicAccess: 'yes',
    };
    // Act
    const result = sweep({
      'eks/ListClusters.json': { clusters: ['prod'] },
      'eks/DescribeCluster/prod.json': cluster,
    });
    // Assess
    await expect(result).rejects.toThrow(SnapshotError);
    await expect(result).rejects.toThrow(
      'eks/DescribeCluster/prod.json: cluster.resourcesVpcConfig.endpointPublicAccess: expected boolean',
    );
  });

  it('names a file that is not JSON', async () => {
    const result = sweep({
      'ecr/DescribeRepositories.json': { repositories: [{ repositoryName: 'team/app' }] },
      'ecr/GetLifecyclePolicy/team%2Fapp.json': '{"lifecyclePolicyText": ',
    });
    await expect(result).rejects.toThrow(/^ecr\/GetLifecyclePolicy\/team%2Fapp\.json: not JSON/);
  });

  it('names a list field given as the wrong shape', async () => {
    const result = sweep({ 'ecr/DescribeRepositories.json': { repositories: [{ repositoryName: 7 }] } });
    await expect(result).rejects.toThrow(
      'ecr/DescribeRepositories.json: repositories[0].repositoryName: expected string',
    );
  });

  it('rejects a missing directory, naming it', async () => {
    const dir = join(await writeSnapshot({}), 'nowhere');
    await expect(SnapshotCollector.open(dir)).rejects.toThrow(
      new SnapshotError(`snapshot directory not found: ${dir}`),
    );
  });

  it('rejects an invalid account.json and a snapshot whose account cannot be told', async () => {
    const badTime = await writeSnapshot({ 'account.json': { ...account, capturedAt: 'yesterday' } });
    const noAccount = await writeSnapshot({
      'ecr/DescribePullThroughCacheRules.json': { pullThroughCacheRules: [] },
    });
    await expect(SnapshotCollector.open(badTime)).rejects.toThrow(
      'account.json: capturedAt: expected an ISO 8601 timestamp',
    );
    await expect(SnapshotCollector.open(noAccount)).rejects.toThrow(/^account\.json: missing/);
  });

  it('rejects a timestamp that is neither epoch seconds nor ISO 8601', async () => {
    const images = cliJson('ecr/describe-images.json') as { imageDetails: Record<string, unknown>[] };
    const result = sweep({
      'ecr/DescribeRepositories.json': { repositories: [{ repositoryName: 'cluster-autoscaler' }] },
      'ecr/DescribeImages/cluster-autoscaler.json': {
        imageDetails: [{ ...images.imageDetails[0], imagePushedAt: true }],
      },
    });
    await expect(result).rejects.toThrow(
      'ecr/DescribeImages/cluster-autoscaler.json: imageDetails[0].imagePushedAt: expected an ISO 8601 timestamp or epoch seconds',
    );
  });
});
