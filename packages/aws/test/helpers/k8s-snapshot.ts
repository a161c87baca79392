import {
  fluentdDaemonSet,
  helloCronJob,
  helloJob,
  listOf,
  nginxDeployment,
  nginxPod,
  nginxReplicaSet,
  podOf,
} from './k8s-objects.js';

const CLUSTER = 'my-eks-cluster';

/** The cluster's k8s files, as `kubectl get … -o json` prints them. */
export function kubernetesFiles(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const file = (operation: string) => `k8s/${operation}/${CLUSTER}.json`;
  const files: Record<string, unknown> = {
    [file('GetVersion')]: {
      major: '1',
      minor: '31',
      gitVersion: 'v1.31.4-eks-2d5f260',
      platform: 'linux/amd64',
    },
    [file('ListNamespaces')]: listOf([
      {
        metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
        status: { phase: 'Active' },
      },
      { metadata: { name: 'kube-system' }, status: { phase: 'Active' } },
    ]),
    [file('ListDeployments')]: {
      apiVersion: 'apps/v1',
      kind: 'DeploymentList',
      metadata: { resourceVersion: '9' },
      items: [nginxDeployment()],
    },
    [file('ListStatefulSets')]: listOf([]),
    [file('ListDaemonSets')]: listOf([fluentdDaemonSet()]),
    [file('ListReplicaSets')]: listOf([nginxReplicaSet()]),
    [file('ListJobs')]: listOf([helloJob()]),
    [file('ListCronJobs')]: listOf([helloCronJob()]),
    [file('ListPods')]: listOf([
      podOf({ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5' }, 'nginx-a'),
      podOf({ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5' }, 'nginx-b'),
      nginxPod(),
    ]),
    [file('ListServiceAccounts')]: listOf([
      { metadata: { name: 'default', namespace: 'default' }, automountServiceAccountToken: false },
    ]),
    [file('ListClusterRoleBindings')]: listOf([
      {
        metadata: { name: 'cluster-admin' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
      },
    ]),
    [file('ListRoleBindings')]: listOf([]),
    [file('ListClusterRoles')]: listOf([
      { metadata: { name: 'cluster-admin' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] },
    ]),
    [file('ListRoles')]: listOf([]),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter(([, body]) => body !== undefined));
}
