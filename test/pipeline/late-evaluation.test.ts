import { SnapshotCollector } from '@customs/aws';
import { findingId } from '@customs/core';
import { type LocalPipeline, startLocalPipeline } from '@customs/local';
import { processEvent } from '@customs/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCopy, editJson } from '../helpers/demo-copy.js';
import { demoCloudTrail } from '../helpers/sample-events.js';

const LEGACY = 'arn:aws:eks:eu-west-1:111122223333:cluster/legacy';
const WRITES = /^(Put|Update|Delete|TransactWrite|BatchWrite)/;

type ClusterBody = { cluster: { resourcesVpcConfig: Record<string, unknown> } };

/** The clock of an invocation that read the account `minutes` after 10:00. */
function clockAt(minutes: number): () => Date {
  return () => new Date(Date.parse('2026-11-20T10:00:00.000Z') + minutes * 60_000);
}

describe('a late invocation through the pipeline', () => {
  let pipeline: LocalPipeline;
  let privateCollector: SnapshotCollector;
  const writes: string[] = [];

  beforeAll(async () => {
    // The demo account, where cluster legacy's endpoint is public, and a copy where it is private
    const privateDir = await demoCopy();
    await editJson<ClusterBody>(privateDir, 'eks/DescribeCluster/legacy.json', (body) => ({
      cluster: {
        ...body.cluster,
        resourcesVpcConfig: { ...body.cluster.resourcesVpcConfig, endpointPublicAccess: false },
      },
    }));
    privateCollector = await SnapshotCollector.open(privateDir, { rereadEachCollect: true });
    pipeline = await startLocalPipeline({ snapshotDir: await demoCopy() });
    pipeline.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (WRITES.test(context.commandName ?? '')) writes.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'countWrites' },
    );
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  it('stores nothing from an invocation that read the cluster before a newer one found it unchanged', async () => {
    // Prepare: the endpoint is stored public (opened at 10:00)
    const event = demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' });
    await processEvent(event, { ...pipeline.dependencies, clock: clockAt(0) });
    writes.length = 0;
    // Act: the invocation that read it public again at 10:02 stores before the one that read it
    // private at 10:01 (the cluster was briefly private; the slow invocation is the older one)
    const newer = await processEvent(event, { ...pipeline.dependencies, clock: clockAt(2) });
    const newerWrites = writes.splice(0);
    const older = await processEvent(event, {
      ...pipeline.dependencies,
      collector: privateCollector,
      clock: clockAt(1),
    });
    // Assess
    expect(new Set(newer.changes.map((change) => change.transition))).toEqual(new Set(['unchanged']));
    expect(newerWrites).toEqual(['UpdateItemCommand']);
    expect(new Set(older.changes.map((change) => change.transition))).toEqual(new Set(['stale']));
    expect(writes).toEqual([]);
    const endpoint = await pipeline.repository.getFinding(
      findingId('eks-cluster-endpoint-not-public', LEGACY),
    );
    expect(endpoint).toMatchObject({ status: 'FAIL', state: 'OPEN', version: 1 });
    expect(await pipeline.repository.getResourceEvaluation(LEGACY)).toMatchObject({
      evaluatedAt: clockAt(2)().toISOString(),
    });
  });
});
