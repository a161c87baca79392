import { fileURLToPath } from 'node:url';
import type { K8sWorkload } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, SnapshotCollector } from '../../src/index.js';
import { type MockedAws, mockAws } from '../live/helpers/mock-aws.js';
import { readSnapshotDir } from '../live/helpers/snapshot-files.js';

const DEMO = fileURLToPath(new URL('../../../local/snapshots/demo/', import.meta.url));

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

const ref = (name: string) => ({ type: 'k8s-workload' as const, name, parent: 'prod' });

/**
 * A ServiceAccount change (an audit event's `<namespace>/ServiceAccount/<name>` ref) re-assesses the
 * workloads of its namespace that run as it: the demo's `batch/default` runs the report Job and
 * the ledger-export CronJob (its Job is the CronJob's, not a workload of its own).
 */
describe('a ServiceAccount ref', () => {
  it('reads the workloads of its namespace that run as it, live and from the snapshot, as the sweep reads them', async () => {
    // Prepare
    aws = mockAws(readSnapshotDir(DEMO));
    const snapshot = await SnapshotCollector.open(DEMO);
    const live = await AwsCollector.open({ region: 'eu-west-1', clients: aws.clients('eu-west-1') });
    const swept = (await snapshot.collectAll()).resources.filter(
      (resource): resource is K8sWorkload =>
        resource.type === 'k8s-workload' && resource.namespace === 'batch' && resource.clusterName === 'prod',
    );
    // Act
    const asked = [ref('batch/ServiceAccount/default')];
    const [fromSnapshot, fromAws] = await Promise.all([snapshot.collect(asked), live.collect(asked)]);
    // Assess
    for (const result of [fromSnapshot, fromAws]) {
      expect(result.missing).toEqual([]);
      expect(result.resources.map((resource) => resource.name).sort()).toEqual([
        'prod/batch/CronJob/ledger-export',
        'prod/batch/Job/report',
      ]);
      expect(result.resources).toEqual(expect.arrayContaining(swept));
    }
    // live: the namespace's lists only, never a cluster-wide one
    const listed = aws.kubernetesRequests.filter((request) => request.startsWith('prod list '));
    expect(listed.length).toBeGreaterThan(5);
    for (const request of listed) expect(request).toMatch(/\/namespaces\/batch\//);
  });

  it('gives nothing, and nothing missing, for a ServiceAccount no workload runs as, or a name Kubernetes could not issue', async () => {
    const snapshot = await SnapshotCollector.open(DEMO);
    const { resources, missing, warnings } = await snapshot.collect([
      ref('payments/ServiceAccount/default'),
      ref('payments/ServiceAccount/../../x'),
    ]);
    expect(resources).toEqual([]);
    expect(missing).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('is not <namespace>/<Kind>/<name>')]);
  });
});
