import type {
  K8sCluster,
  K8sContainer,
  K8sNamespace,
  K8sPodTemplate,
  K8sWorkload,
} from '../../src/types/kubernetes.js';

/**
 * Kubernetes builders whose values come from documented shapes: the Deployment of the Kubernetes
 * documentation's "Creating a Deployment" (`nginx-deployment`, three replicas of `nginx:1.14.2` on
 * port 80), normalised as the readers do (absent fields stay absent), on the EKS cluster of
 * `aws eks describe-cluster` (/work/shared/aws-samples/cli/eks/describe-cluster.json's account and
 * region style).
 */
const ACCOUNT = '111122223333';
const REGION = 'us-west-2';
const CLUSTER = 'my-cluster';
const CLUSTER_ARN = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`;

/** The `nginx` container of the documentation's Deployment, normalised: no securityContext at all. */
export function k8sContainer(overrides: Partial<K8sContainer> = {}): K8sContainer {
  return {
    kind: 'container',
    name: 'nginx',
    image: 'nginx:1.14.2',
    runningImageIds: [],
    deployedImages: [],
    ports: [{ containerPort: 80 }],
    probeHosts: [],
    secretEnv: [],
    resources: { limits: {}, requests: {} },
    ...overrides,
  };
}

/** The documentation Deployment's pod template (`app: nginx`), normalised. */
export function podTemplate(overrides: Partial<K8sPodTemplate> = {}): K8sPodTemplate {
  return {
    labels: { app: 'nginx' },
    annotations: {},
    containers: [k8sContainer()],
    volumes: [],
    nodeSelector: {},
    requiredNodeAffinity: [],
    tolerations: [],
    ...overrides,
  };
}

/**
 * `nginx-deployment` in `default`, normalised; pass `template` overrides to shape the pods.
 * @example sampleWorkload({ template: podTemplate({ hostNetwork: true }) })
 */
export function sampleWorkload(overrides: Partial<K8sWorkload> = {}): K8sWorkload {
  const namespace = overrides.namespace ?? 'default';
  const kind = overrides.kind ?? 'Deployment';
  const workloadName = overrides.workloadName ?? 'nginx-deployment';
  return {
    type: 'k8s-workload',
    id: `${CLUSTER_ARN}/${namespace}/${kind}/${workloadName}`,
    name: `${CLUSTER}/${namespace}/${kind}/${workloadName}`,
    accountId: ACCOUNT,
    region: REGION,
    clusterName: CLUSTER,
    clusterArn: CLUSTER_ARN,
    namespace,
    kind,
    workloadName,
    labels: { app: 'nginx' },
    template: podTemplate(),
    serviceAccount: { name: 'default', found: true },
    runningPods: 3,
    ...overrides,
  };
}

/** A namespace of the cluster, normalised: only the `kubernetes.io/metadata.name` label the API sets. */
export function sampleNamespace(name = 'default', labels: Record<string, string> = {}): K8sNamespace {
  return {
    type: 'k8s-namespace',
    id: `${CLUSTER_ARN}/namespace/${name}`,
    name: `${CLUSTER}/${name}`,
    accountId: ACCOUNT,
    region: REGION,
    clusterName: CLUSTER,
    clusterArn: CLUSTER_ARN,
    namespaceName: name,
    labels: { 'kubernetes.io/metadata.name': name, ...labels },
    phase: 'Active',
  };
}

/**
 * The cluster's Kubernetes API, readable, with the bindings every cluster has: `cluster-admin`
 * bound to the `system:masters` group (the default ClusterRoleBinding of that name).
 */
export function sampleK8sCluster(overrides: Partial<K8sCluster> = {}): K8sCluster {
  return {
    type: 'k8s-cluster',
    id: `${CLUSTER_ARN}/kubernetes`,
    name: CLUSTER,
    accountId: ACCOUNT,
    region: REGION,
    clusterName: CLUSTER,
    clusterArn: CLUSTER_ARN,
    endpoint: 'https://A1B2C3D4E5F6.gr7.us-west-2.eks.amazonaws.com',
    api: { gitVersion: 'v1.31.4-eks-2d5f260' },
    clusterRoleBindings: [
      {
        name: 'cluster-admin',
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: 'system:masters' }],
      },
    ],
    roleBindings: [],
    clusterRoles: [
      {
        name: 'cluster-admin',
        rules: [
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'], resourceNames: [], nonResourceURLs: [] },
          { apiGroups: [], resources: [], verbs: ['*'], resourceNames: [], nonResourceURLs: ['*'] },
        ],
      },
    ],
    roles: [],
    counts: { namespaces: 4, workloads: 1 },
    ...overrides,
  };
}
