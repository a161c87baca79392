import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SnapshotCollector } from '@customs/aws';
import { CheckRegistry, DEFAULT_CONFIG, type K8sWorkload } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { kubernetesFiles } from '../../aws/test/helpers/k8s-snapshot.js';
import { writeSnapshot } from '../../aws/test/helpers/snapshot-dir.js';
import { ecrEksSnapshot } from '../../aws/test/helpers/snapshots.js';
import type { PipelineDependencies } from '../src/index.js';
import { runSweep } from '../src/run-sweep.js';
import { runSweepUnit } from '../src/run-sweep-unit.js';

/** A check of this test only (the k8s catalog is other changes'): a container without limits. */
const limitsSet = {
  id: 'k8s-workload-test-limits',
  title: 'Test: every container sets resource limits',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'low',
  rationale: 'A container without limits can starve its node.',
  remediation: { text: 'Set resources.limits on every container.' },
  mappings: {},
  reads: ['template'],
  evaluate: (workload: K8sWorkload) =>
    workload.template.containers.every((c) => Object.keys(c.resources.limits).length > 0)
      ? { status: 'PASS' as const, message: `${workload.name} sets limits` }
      : { status: 'FAIL' as const, message: `${workload.name} has a container without limits` },
};

describe('a cluster whose Kubernetes API becomes unreadable, through the sweep on DynamoDB Local', () => {
  const dynamo = useDynamoDbLocal();
  let dir: string;
  let dependencies: PipelineDependencies;
  let repository: FindingsRepository;

  beforeAll(async () => {
    dir = await writeSnapshot({ ...ecrEksSnapshot(), ...kubernetesFiles() });
    repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    dependencies = {
      collector: await SnapshotCollector.open(dir, { rereadEachCollect: true }),
      repository,
      config: DEFAULT_CONFIG,
      catalog: new CheckRegistry([limitsSet as unknown as Parameters<CheckRegistry['register']>[0]]),
      clock: () => new Date(),
    };
  });

  it('keeps its workloads’ findings as they were, then resolves them once the cluster is gone', async () => {
    // Prepare: the four workloads are assessed (the nginx Deployment, CronJob and Pod set no limits)
    const first = await runSweep(dependencies);
    const opened = first.changes.filter((change) => change.transition === 'opened');
    expect(opened).toHaveLength(3);
    // Act: the API can no longer be read (the snapshot lost GetVersion), in a whole sweep and in a unit
    await rm(join(dir, 'k8s/GetVersion/my-eks-cluster.json'));
    const unreadable = await runSweep(dependencies);
    const unit = await runSweepUnit(
      { service: 'k8s-clusters', region: 'us-east-2', start: 0, count: 2 },
      dependencies,
    );
    // Assess: nothing resolved; the findings stay open
    expect(unreadable.changes.filter((change) => change.transition === 'resolved')).toEqual([]);
    expect(unit.changes.filter((change) => change.transition === 'resolved')).toEqual([]);
    // Act: the cluster is deleted
    await writeFile(join(dir, 'eks/ListClusters.json'), JSON.stringify({ clusters: [] }));
    const gone = await runSweep(dependencies);
    // Assess: its workloads' findings resolve
    expect(
      gone.changes
        .filter((change) => change.transition === 'resolved')
        .map((change) => change.resourceId)
        .sort(),
    ).toEqual(opened.map((change) => change.resourceId).sort());
  });
});
