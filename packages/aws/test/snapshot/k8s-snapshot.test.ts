import type { K8sCluster, K8sWorkload, Resource, ResourceOf } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { SnapshotCollector } from '../../src/index.js';
import { kubernetesFiles } from '../helpers/k8s-snapshot.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';
import { ecrEksSnapshot } from '../helpers/snapshots.js';

const CLUSTER = 'my-eks-cluster';
const ARN = 'arn:aws:eks:us-east-2:111122223333:cluster/my-eks-cluster';

function ofType<T extends Resource['type']>(resources: Resource[], type: T): ResourceOf<T>[] {
  return resources.filter((resource): resource is ResourceOf<T> => resource.type === type);
}

describe('the Kubernetes readers over a snapshot', () => {
  it('read the cluster, its namespaces and its workloads (the CronJob’s Jobs and owned pods are not workloads)', async () => {
    // Prepare
    const collector = await SnapshotCollector.open(
      await writeSnapshot({ ...ecrEksSnapshot(), ...kubernetesFiles() }),
    );
    // Act
    const { resources, warnings, incomplete } = await collector.collectAll();
    // Assess
    expect(warnings).toEqual([]);
    expect(incomplete).toBeUndefined();
    const [cluster] = ofType(resources, 'k8s-cluster');
    expect(cluster).toMatchObject({
      id: `${ARN}/kubernetes`,
      name: CLUSTER,
      endpoint: 'https://JSA79429HJDASKJDJ8223829MNDNASW.yl4.us-east-2.eks.amazonaws.com',
      api: { gitVersion: 'v1.31.4-eks-2d5f260' },
      counts: { namespaces: 2, workloads: 4 },
    });
    expect(cluster?.unreadable).toBeUndefined();
    expect(cluster?.clusterRoleBindings.map((binding) => binding.name)).toEqual(['cluster-admin']);
    expect(ofType(resources, 'k8s-namespace').map((namespace) => namespace.name)).toEqual([
      'my-eks-cluster/default',
      'my-eks-cluster/kube-system',
    ]);
    const workloads = ofType(resources, 'k8s-workload');
    expect(workloads.map((workload) => workload.name)).toEqual([
      'my-eks-cluster/default/Deployment/nginx-deployment',
      'my-eks-cluster/kube-system/DaemonSet/fluentd-elasticsearch',
      'my-eks-cluster/default/CronJob/hello',
      'my-eks-cluster/default/Pod/nginx',
    ]);
    const deployment = workloads[0] as K8sWorkload;
    expect(deployment.runningPods).toBe(2);
    expect(deployment.serviceAccount).toEqual({
      name: 'default',
      found: true,
      automountServiceAccountToken: false,
    });
  });

  it('give a cluster without its k8s files only its k8s-cluster, unreadable naming the file, and an incomplete scope', async () => {
    // Prepare: the ECR and EKS snapshot with no k8s/ folder at all
    const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
    // Act
    const { resources, incomplete } = await collector.collectAll();
    // Assess
    const k8s = resources.filter((resource) => resource.type.startsWith('k8s-'));
    expect(k8s.map((resource) => resource.type)).toEqual(['k8s-cluster']);
    const cluster = k8s[0] as K8sCluster;
    const reason =
      'not in the snapshot: k8s/GetVersion/my-eks-cluster.json: record the cluster with `kubectl get … -o json` (docs/snapshot.md, "Kubernetes")';
    expect(cluster.unreadable?.api).toBe(reason);
    expect(Object.keys(cluster.unreadable ?? {}).sort()).toEqual(
      ['api', 'clusterRoleBindings', 'clusterRoles', 'counts', 'roleBindings', 'roles'].sort(),
    );
    expect(incomplete).toEqual([
      { resourceTypes: ['k8s-namespace', 'k8s-workload'], idPrefix: `${ARN}/`, reason },
    ]);
  });

  it('make the workloads incomplete when a workload list is missing, keeping what was read', async () => {
    const files = kubernetesFiles({ [`k8s/ListDaemonSets/${CLUSTER}.json`]: undefined });
    const collector = await SnapshotCollector.open(await writeSnapshot({ ...ecrEksSnapshot(), ...files }));
    const { resources, incomplete } = await collector.collectAll();
    expect(ofType(resources, 'k8s-workload')).toHaveLength(3);
    expect(incomplete).toEqual([
      {
        resourceTypes: ['k8s-workload'],
        idPrefix: `${ARN}/`,
        reason: 'DaemonSets: not in the snapshot: k8s/ListDaemonSets/my-eks-cluster.json',
      },
    ]);
    expect(ofType(resources, 'k8s-cluster')[0]?.unreadable?.counts).toContain('ListDaemonSets');
  });

  it('re-read a workload, a namespace and the cluster by their refs; a deleted one is missing', async () => {
    // Prepare
    const collector = await SnapshotCollector.open(
      await writeSnapshot({ ...ecrEksSnapshot(), ...kubernetesFiles() }),
    );
    // Act
    const { resources, missing, warnings } = await collector.collect([
      { type: 'k8s-workload', name: 'default/Deployment/nginx-deployment', parent: CLUSTER },
      { type: 'k8s-workload', name: 'default/CronJob/hello', parent: CLUSTER },
      { type: 'k8s-workload', name: 'default/Deployment/gone', parent: CLUSTER },
      { type: 'k8s-workload', name: 'default/Pod/nginx-a', parent: CLUSTER },
      { type: 'k8s-workload', name: '../Pod/x', parent: CLUSTER },
      { type: 'k8s-namespace', name: 'kube-system', parent: CLUSTER },
      { type: 'k8s-cluster', name: CLUSTER },
      { type: 'k8s-cluster', name: 'deleted-cluster' },
    ]);
    // Assess
    expect(resources.map((resource) => `${resource.type} ${resource.name}`)).toEqual([
      'k8s-workload my-eks-cluster/default/Deployment/nginx-deployment',
      'k8s-workload my-eks-cluster/default/CronJob/hello',
      'k8s-namespace my-eks-cluster/kube-system',
      'k8s-cluster my-eks-cluster',
    ]);
    expect((resources[0] as K8sWorkload).runningPods).toBe(2);
    expect((resources[1] as K8sWorkload).runningPods).toBe(0);
    expect(missing.map((ref) => [ref.name, ref.reason])).toEqual([
      ['default/Deployment/gone', undefined],
      ['default/Pod/nginx-a', 'is not a workload of its own (owned by a controller, or run by a CronJob)'],
      ['deleted-cluster', undefined],
    ]);
    expect(warnings).toEqual([
      'ref k8s-workload my-eks-cluster/../Pod/x skipped: "../Pod/x" is not <namespace>/<Kind>/<name>',
    ]);
  });

  it('skip a workload ref of a cluster whose API is unknown, never resolving it', async () => {
    const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
    const { resources, missing, warnings } = await collector.collect([
      { type: 'k8s-workload', name: 'default/Deployment/nginx-deployment', parent: CLUSTER },
    ]);
    expect(resources).toEqual([]);
    expect(missing).toEqual([]);
    expect(warnings).toEqual([
      'ref k8s-workload my-eks-cluster/default/Deployment/nginx-deployment skipped: not in the snapshot: k8s/ListDeployments/my-eks-cluster.json',
    ]);
  });
});
