import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { kubernetesCalls } from '@customs/aws';

/**
 * The objects of one benchmark cluster, by the API list path that serves them (the store of
 * k8s-transport's loopback fake Kubernetes API: `{ '/apis/apps/v1/deployments': [items…] }`),
 * cloned from the demo cluster's objects (snapshots/demo/k8s: full objects in the API's shapes)
 * with new names, namespaces, uids and owner references. Only metadata is new: specs and
 * statuses are shared between clones (the server serialises each page), so 20 clusters fit.
 */

type Json = Record<string, unknown>;
type Obj = Json & { metadata: Json & { name: string; namespace?: string; uid: string } };

/** The API path each list operation reads (k8s-common.md's operations). */
export const LIST_PATHS = {
  ListNamespaces: '/api/v1/namespaces',
  ListDeployments: '/apis/apps/v1/deployments',
  ListStatefulSets: '/apis/apps/v1/statefulsets',
  ListDaemonSets: '/apis/apps/v1/daemonsets',
  ListReplicaSets: '/apis/apps/v1/replicasets',
  ListJobs: '/apis/batch/v1/jobs',
  ListCronJobs: '/apis/batch/v1/cronjobs',
  ListPods: '/api/v1/pods',
  ListServiceAccounts: '/api/v1/serviceaccounts',
  ListClusterRoleBindings: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
  ListRoleBindings: '/apis/rbac.authorization.k8s.io/v1/rolebindings',
  ListClusterRoles: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
  ListRoles: '/apis/rbac.authorization.k8s.io/v1/roles',
} as const;
type Operation = keyof typeof LIST_PATHS;

/** How a cluster's workloads split: Deployments (2 pods each), DaemonSets (3), CronJobs (1 Job, 1 pod), Jobs (1 pod). */
export const MIX = { Deployment: 0.75, DaemonSet: 0.05, CronJob: 0.1, Job: 0.1 } as const;
const WORKLOADS_PER_NAMESPACE = 40;

const DEMO = new URL('../../packages/local/snapshots/demo/k8s/', import.meta.url);
const demoItems = (operation: Operation) =>
  (JSON.parse(readFileSync(new URL(`${operation}/prod.json`, DEMO), 'utf8')) as { items: Obj[] }).items;
const named = (items: Obj[], namespace: string | undefined, name: string) => {
  const item = items.find((i) => i.metadata.namespace === namespace && i.metadata.name === name);
  if (!item) throw new Error(`the demo has no ${namespace}/${name}`);
  return item;
};

const uid = (seed: string) => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The demo objects each clone starts from. */
function templates() {
  const deployments = demoItems('ListDeployments');
  const replicaSets = demoItems('ListReplicaSets');
  const pods = demoItems('ListPods');
  const podOf = (owner: string) => {
    const pod = pods.find((p) => (p.metadata.ownerReferences as Json[] | undefined)?.[0]?.name === owner);
    if (!pod) throw new Error(`the demo has no pod of ${owner}`);
    return pod;
  };
  const jobs = demoItems('ListJobs');
  const exportJob = jobs.find((job) => job.metadata.name.startsWith('ledger-export-')) as Obj;
  return {
    namespace: named(demoItems('ListNamespaces'), undefined, 'payments'),
    serviceAccount: named(demoItems('ListServiceAccounts'), 'payments', 'default'),
    deployment: named(deployments, 'payments', 'api'),
    replicaSet: named(replicaSets, 'payments', 'api-6c9f8d7b5c'),
    deploymentPod: podOf('api-6c9f8d7b5c'),
    daemonSet: named(demoItems('ListDaemonSets'), 'logging', 'node-logger'),
    daemonSetPod: podOf('node-logger'),
    cronJob: named(demoItems('ListCronJobs'), 'batch', 'ledger-export'),
    cronJobJob: exportJob,
    cronJobPod: podOf(exportJob.metadata.name),
    job: named(jobs, 'batch', 'report'),
    jobPod: podOf('report'),
  };
}

/** A clone of `item` with a new name, namespace, uid and (when given) owner. */
function clone(item: Obj, cluster: string, namespace: string | undefined, name: string, owner?: Obj): Obj {
  const metadata: Json = { ...item.metadata, name, uid: uid(`${cluster}/${item.kind}/${namespace}/${name}`) };
  if (namespace === undefined) delete metadata.namespace;
  else metadata.namespace = namespace;
  if (owner) {
    const [reference] = item.metadata.ownerReferences as Json[];
    metadata.ownerReferences = [{ ...reference, name: owner.metadata.name, uid: owner.metadata.uid }];
  }
  return { ...item, metadata } as Obj;
}

/** Which kind the `index`-th workload of a cluster is, by MIX. */
function kindOf(index: number, workloads: number): keyof typeof MIX {
  let bound = 0;
  for (const [kind, share] of Object.entries(MIX) as [keyof typeof MIX, number][]) {
    bound += share * workloads;
    if (index < bound) return kind;
  }
  return 'Job';
}

/**
 * One cluster's objects: `workloads` controllers (MIX) in namespaces of 40, each namespace with
 * its `default` ServiceAccount, the pods they own, and the demo's RBAC objects.
 * @example const store = clusterObjects('cluster-3', 2000); store.get('/api/v1/pods')?.length
 */
export function clusterObjects(cluster: string, workloads: number): Map<string, Obj[]> {
  const t = templates();
  const out = new Map<string, Obj[]>(Object.values(LIST_PATHS).map((path) => [path, []]));
  const add = (operation: Operation, item: Obj) => out.get(LIST_PATHS[operation])?.push(item);
  for (let index = 0; index < workloads; index++) {
    const namespace = `team-${Math.floor(index / WORKLOADS_PER_NAMESPACE)}`;
    if (index % WORKLOADS_PER_NAMESPACE === 0) {
      add('ListNamespaces', clone(t.namespace, cluster, undefined, namespace));
      add('ListServiceAccounts', clone(t.serviceAccount, cluster, namespace, 'default'));
    }
    const name = `app-${index}`;
    const kind = kindOf(index, workloads);
    if (kind === 'Deployment') {
      const deployment = clone(t.deployment, cluster, namespace, name);
      const replicaSet = clone(t.replicaSet, cluster, namespace, `${name}-6c9f8d7b5c`, deployment);
      add('ListDeployments', deployment);
      add('ListReplicaSets', replicaSet);
      for (const pod of ['x2b4d', 'q7n9c'])
        add('ListPods', clone(t.deploymentPod, cluster, namespace, `${name}-6c9f8d7b5c-${pod}`, replicaSet));
    } else if (kind === 'DaemonSet') {
      const daemonSet = clone(t.daemonSet, cluster, namespace, name);
      add('ListDaemonSets', daemonSet);
      for (const pod of ['b5k2m', 'h8r4t', 'w3z6p'])
        add('ListPods', clone(t.daemonSetPod, cluster, namespace, `${name}-${pod}`, daemonSet));
    } else if (kind === 'CronJob') {
      const cronJob = clone(t.cronJob, cluster, namespace, name);
      const job = clone(t.cronJobJob, cluster, namespace, `${name}-29406960`, cronJob);
      add('ListCronJobs', cronJob);
      add('ListJobs', job);
      add('ListPods', clone(t.cronJobPod, cluster, namespace, `${name}-29406960-m4c7v`, job));
    } else {
      const job = clone(t.job, cluster, namespace, name);
      add('ListJobs', job);
      add('ListPods', clone(t.jobPod, cluster, namespace, `${name}-s9d2f`, job));
    }
  }
  for (const operation of [
    'ListClusterRoleBindings',
    'ListClusterRoles',
    'ListRoleBindings',
    'ListRoles',
  ] as const)
    for (const item of demoItems(operation)) add(operation, item);
  return out;
}

/**
 * The fewest requests that read a store, from the sweep's own estimate (`kubernetesCalls`: each
 * list's pages of 500, the Kubernetes client's `limit`, an empty list one request, plus `GET /version`).
 * @example pagingMinimum(clusterObjects('c', 2000)) // 25
 */
export function pagingMinimum(store: Map<string, unknown[]>): number {
  const lists = Object.fromEntries(
    Object.entries(LIST_PATHS).map(([operation, path]) => [operation, store.get(path)?.length ?? 0]),
  );
  return kubernetesCalls(lists);
}
