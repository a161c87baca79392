import type { K8sCluster, K8sWorkload } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, snapshotPath } from '../../src/index.js';
import { fixtureAccount, REGION } from './helpers/fixture-account.js';
import { type MockedAws, mockAws } from './helpers/mock-aws.js';

const CLUSTER = 'my-eks-cluster';
const ARN = `arn:aws:eks:${REGION}:111122223333:cluster/${CLUSTER}`;

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

async function open(files = fixtureAccount()) {
  aws = mockAws(files);
  return AwsCollector.open({
    region: REGION,
    clients: aws.clients(REGION),
    reportPolling: { attempts: 1, delayMs: 1 },
  });
}

describe('Kubernetes, read live (a fake clients.kubernetes answering documented objects)', () => {
  it('reads each list once, cluster-wide, from the endpoint and CA DescribeCluster gives', async () => {
    // Prepare
    const collector = await open();
    // Act
    const { resources } = await collector.collectAll();
    // Assess
    const requests = [...(aws as MockedAws).kubernetesRequests].sort();
    expect(requests).toContain('my-eks-cluster get /version');
    expect(requests).toContain('my-eks-cluster list /apis/apps/v1/deployments');
    expect(requests).toHaveLength(14);
    const workload = resources.find((resource) => resource.type === 'k8s-workload') as K8sWorkload;
    expect(workload.name).toBe('my-eks-cluster/default/Deployment/nginx-deployment');
    expect(workload.runningPods).toBe(2);
  });

  it('gives a cluster whose API denies access only its k8s-cluster, unreadable with what to do, and an incomplete scope', async () => {
    // Prepare: no k8s files: the fake API answers 403 as one without an access entry
    const files = fixtureAccount();
    for (const path of [...files.keys()]) if (path.startsWith('k8s/')) files.delete(path);
    const collector = await open(files);
    // Act
    const { resources, warnings, incomplete } = await collector.collectAll();
    // Assess
    const k8s = resources.filter((resource) => resource.type.startsWith('k8s-'));
    expect(k8s.map((resource) => resource.type)).toEqual(['k8s-cluster']);
    const reason =
      "KubernetesApiError: k8s:GetVersion: cluster my-eks-cluster: GET /version: 403 Forbidden: give Customs' role an access entry with AmazonEKSViewPolicy";
    expect((k8s[0] as K8sCluster).unreadable?.api).toBe(reason);
    expect(incomplete).toEqual([
      { resourceTypes: ['k8s-namespace', 'k8s-workload'], idPrefix: `${ARN}/`, reason },
    ]);
    // one failed call, not one per list
    expect((aws as MockedAws).kubernetesRequests).toEqual(['my-eks-cluster get /version']);
    expect(warnings.filter((warning) => warning.startsWith('k8s:'))).toHaveLength(1);
  });

  it('re-reads a workload ref with a get of it and its namespace’s pods, never the cluster-wide lists', async () => {
    const collector = await open();
    const { resources, missing } = await collector.collect([
      { type: 'k8s-workload', name: 'default/Deployment/nginx-deployment', parent: CLUSTER },
      { type: 'k8s-workload', name: 'default/StatefulSet/web', parent: CLUSTER },
      { type: 'k8s-namespace', name: 'default', parent: CLUSTER },
    ]);
    expect(resources.map((resource) => resource.name)).toEqual([
      'my-eks-cluster/default/Deployment/nginx-deployment',
      'my-eks-cluster/default',
    ]);
    expect((resources[0] as K8sWorkload).runningPods).toBe(2);
    expect(missing.map((ref) => ref.name)).toEqual(['default/StatefulSet/web']);
    expect([...(aws as MockedAws).kubernetesRequests].sort()).toEqual([
      'my-eks-cluster get /api/v1/namespaces/default',
      'my-eks-cluster get /api/v1/namespaces/default/serviceaccounts/default',
      'my-eks-cluster get /apis/apps/v1/namespaces/default/deployments/nginx-deployment',
      'my-eks-cluster get /apis/apps/v1/namespaces/default/statefulsets/web',
      'my-eks-cluster list /api/v1/namespaces/default/pods',
      'my-eks-cluster list /apis/apps/v1/namespaces/default/replicasets',
    ]);
  });

  it('records the cluster-wide bodies under k8s/<Operation>/<cluster>.json, never the filtered reads', async () => {
    const recorded = new Map<string, object>();
    aws = mockAws(fixtureAccount());
    const collector = await AwsCollector.open({
      region: REGION,
      clients: aws.clients(REGION),
      recorder: (path, body) => recorded.set(path, body),
    });
    await collector.collectAll();
    await collector.collect([
      { type: 'k8s-workload', name: 'default/Deployment/nginx-deployment', parent: CLUSTER },
    ]);
    const k8s = [...recorded.keys()].filter((path) => path.startsWith('k8s/')).sort();
    expect(k8s).toHaveLength(14);
    expect(k8s).toContain(snapshotPath('k8s', 'ListPods', CLUSTER));
    expect(recorded.get(snapshotPath('k8s', 'GetVersion', CLUSTER))).toMatchObject({
      gitVersion: 'v1.31.4-eks-2d5f260',
    });
  });
});
