import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.d.ts';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.d.ts';
import type { Namespace, Pod, PodSpec, ServiceAccount } from 'kubernetes-types/core/v1.d.ts';
import type { ListMeta } from 'kubernetes-types/meta/v1.d.ts';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1.d.ts';
import type { Info } from 'kubernetes-types/version.d.ts';
import { describe, expect, it } from 'vitest';
import version from '../snapshots/demo/k8s/GetVersion/prod.json' with { type: 'json' };
import clusterRoleBindings from '../snapshots/demo/k8s/ListClusterRoleBindings/prod.json' with {
  type: 'json',
};
import clusterRoles from '../snapshots/demo/k8s/ListClusterRoles/prod.json' with { type: 'json' };
import cronJobs from '../snapshots/demo/k8s/ListCronJobs/prod.json' with { type: 'json' };
import daemonSets from '../snapshots/demo/k8s/ListDaemonSets/prod.json' with { type: 'json' };
import deployments from '../snapshots/demo/k8s/ListDeployments/prod.json' with { type: 'json' };
import jobs from '../snapshots/demo/k8s/ListJobs/prod.json' with { type: 'json' };
import namespaces from '../snapshots/demo/k8s/ListNamespaces/prod.json' with { type: 'json' };
import pods from '../snapshots/demo/k8s/ListPods/prod.json' with { type: 'json' };
import replicaSets from '../snapshots/demo/k8s/ListReplicaSets/prod.json' with { type: 'json' };
import roleBindings from '../snapshots/demo/k8s/ListRoleBindings/prod.json' with { type: 'json' };
import roles from '../snapshots/demo/k8s/ListRoles/prod.json' with { type: 'json' };
import serviceAccounts from '../snapshots/demo/k8s/ListServiceAccounts/prod.json' with { type: 'json' };
import statefulSets from '../snapshots/demo/k8s/ListStatefulSets/prod.json' with { type: 'json' };

/**
 * The demo account's Kubernetes files (`snapshots/demo/k8s/<Operation>/prod.json`, each the body of
 * `kubectl get <resource> --all-namespaces -o json`). Their types are checked against
 * kubernetes-types when this file type-checks (`npm run typecheck`): each body must be assignable
 * to its List type and hold no field the Kubernetes API does not define, at any depth. The tests
 * check what types cannot: kinds, the references between objects, and that images and placement
 * match the rest of the demo account.
 */

const DEMO = fileURLToPath(new URL('../snapshots/demo/', import.meta.url));

/** `kubectl get … -o json`'s body: a `v1` `List` of full objects. */
interface KubectlList<T> {
  apiVersion: 'v1';
  kind: 'List';
  metadata: ListMeta;
  items: T[];
}

/** A JSON import's type has no literal types: `"apps/v1"` is a string. */
type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? Widened<E>[]
        : T extends object
          ? { [K in keyof T]: Widened<T[K]> }
          : T;

/** Without the `?: undefined` keys TypeScript adds to the elements of a JSON array of unlike objects. */
type Clean<T> = T extends readonly (infer E)[]
  ? Clean<E>[]
  : T extends object
    ? {
        [K in keyof T as [Exclude<T[K], undefined>] extends [never] ? never : K]: Clean<
          Exclude<T[K], undefined>
        >;
      }
    : T;

/** `Value` with every key the `Shape` does not define typed `never`, at any depth. */
type NoUnknownFields<Shape, Value> = Value extends readonly (infer E)[]
  ? NonNullable<Shape> extends readonly (infer S)[]
    ? readonly NoUnknownFields<S, E>[]
    : never
  : Value extends object
    ? NonNullable<Shape> extends object
      ? {
          [K in keyof Value]: K extends keyof NonNullable<Shape>
            ? NoUnknownFields<NonNullable<Shape>[K], Value[K]>
            : never;
        }
      : never
    : Value;

/** A file that type-checks as a List of `T` with no unknown field. */
type Checked<T, V> = Widened<T> & NoUnknownFields<T, V>;
const cleaned = <V>(value: V) => value as unknown as Clean<V>;

const typed = {
  ListNamespaces: cleaned(namespaces) satisfies Checked<KubectlList<Namespace>, typeof namespaces>,
  ListDeployments: cleaned(deployments) satisfies Checked<KubectlList<Deployment>, typeof deployments>,
  ListStatefulSets: cleaned(statefulSets) satisfies Checked<KubectlList<StatefulSet>, typeof statefulSets>,
  ListDaemonSets: cleaned(daemonSets) satisfies Checked<KubectlList<DaemonSet>, typeof daemonSets>,
  ListReplicaSets: cleaned(replicaSets) satisfies Checked<KubectlList<ReplicaSet>, typeof replicaSets>,
  ListJobs: cleaned(jobs) satisfies Checked<KubectlList<Job>, typeof jobs>,
  ListCronJobs: cleaned(cronJobs) satisfies Checked<KubectlList<CronJob>, typeof cronJobs>,
  ListPods: cleaned(pods) satisfies Checked<KubectlList<Pod>, typeof pods>,
  ListServiceAccounts: cleaned(serviceAccounts) satisfies Checked<
    KubectlList<ServiceAccount>,
    typeof serviceAccounts
  >,
  ListClusterRoleBindings: cleaned(clusterRoleBindings) satisfies Checked<
    KubectlList<ClusterRoleBinding>,
    typeof clusterRoleBindings
  >,
  ListRoleBindings: cleaned(roleBindings) satisfies Checked<KubectlList<RoleBinding>, typeof roleBindings>,
  ListClusterRoles: cleaned(clusterRoles) satisfies Checked<KubectlList<ClusterRole>, typeof clusterRoles>,
  ListRoles: cleaned(roles) satisfies Checked<KubectlList<Role>, typeof roles>,
  GetVersion: cleaned(version) satisfies Checked<Info, typeof version>,
};

// The check can fail: a misspelt field deep in a pod spec does not type-check.
const misspelt = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: {},
  items: [
    { metadata: { name: 'x' }, spec: { containers: [{ name: 'c', securityContext: { privilegd: true } }] } },
  ],
};
// @ts-expect-error `privilegd` is not a field of a SecurityContext
cleaned(misspelt) satisfies Checked<KubectlList<Pod>, typeof misspelt>;

/** The kind and apiVersion of the items of each list operation (k8s-common.md). */
const KINDS = {
  ListNamespaces: ['v1', 'Namespace'],
  ListDeployments: ['apps/v1', 'Deployment'],
  ListStatefulSets: ['apps/v1', 'StatefulSet'],
  ListDaemonSets: ['apps/v1', 'DaemonSet'],
  ListReplicaSets: ['apps/v1', 'ReplicaSet'],
  ListJobs: ['batch/v1', 'Job'],
  ListCronJobs: ['batch/v1', 'CronJob'],
  ListPods: ['v1', 'Pod'],
  ListServiceAccounts: ['v1', 'ServiceAccount'],
  ListClusterRoleBindings: ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ListRoleBindings: ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ListClusterRoles: ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ListRoles: ['rbac.authorization.k8s.io/v1', 'Role'],
} as const;
type ListOperation = keyof typeof KINDS;

interface Item {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    creationTimestamp: string;
    resourceVersion: string;
    labels?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
  };
}
const itemsOf = (operation: ListOperation) => typed[operation].items as unknown as Item[];
const ALL = (Object.keys(KINDS) as ListOperation[]).flatMap(itemsOf);
const byKind = new Map<string, Item[]>();
for (const item of ALL) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
const find = (kind: string, namespace: string | undefined, name: string) =>
  (byKind.get(kind) ?? []).find(
    (item) => item.metadata.namespace === namespace && item.metadata.name === name,
  );
const podsOf = (ownerKind: string, namespace: string, name: string) =>
  typed.ListPods.items.filter((pod) =>
    pod.metadata.ownerReferences.some((ref) => {
      if (ref.kind === ownerKind && ref.name === name) return pod.metadata.namespace === namespace;
      const replicaSet = ref.kind === 'ReplicaSet' ? find('ReplicaSet', namespace, ref.name) : undefined;
      return replicaSet?.metadata.ownerReferences?.some((up) => up.kind === ownerKind && up.name === name);
    }),
  );
const specOf = (kind: string, namespace: string, name: string) =>
  (find(kind, namespace, name) as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;

describe('the demo cluster prod as the Kubernetes API serves it (snapshots/demo/k8s)', () => {
  it('has a file for every operation of the k8s service, and nothing else', async () => {
    // Act
    const operations = (await readdir(`${DEMO}k8s`)).sort();
    const files = await Promise.all(operations.map((operation) => readdir(`${DEMO}k8s/${operation}`)));
    // Assess
    expect(operations).toEqual([...Object.keys(KINDS), 'GetVersion'].sort());
    expect(files.flat()).toEqual(operations.map(() => 'prod.json'));
  });

  it('holds a v1 List in each list file, whose items all have the kind of the operation', async () => {
    for (const [operation, [apiVersion, kind]] of Object.entries(KINDS)) {
      const body = JSON.parse(await readFile(`${DEMO}k8s/${operation}/prod.json`, 'utf8'));
      expect(body, operation).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: {} });
      expect(Array.isArray(body.items), operation).toBe(true);
      for (const item of body.items)
        expect([item.apiVersion, item.kind], operation).toEqual([apiVersion, kind]);
    }
    expect(typed.GetVersion.gitVersion).toMatch(/^v1\.34\.\d+-eks-[0-9a-f]{7}$/);
  });

  it('gives every object a unique uid, a creation time before the capture and a resource version', () => {
    const uids = ALL.map((item) => item.metadata.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const { metadata } of ALL) {
      expect(metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(Date.parse(metadata.creationTimestamp)).toBeLessThan(Date.parse('2026-11-28T12:00:00Z'));
      expect(metadata.resourceVersion).toMatch(/^\d+$/);
    }
  });

  it('puts every namespaced object in a namespace of ListNamespaces, and every pod on its ServiceAccount', () => {
    const namespaceNames = typed.ListNamespaces.items.map((namespace) => namespace.metadata.name);
    const clusterScoped = ['Namespace', 'ClusterRole', 'ClusterRoleBinding'];
    for (const item of ALL.filter((item) => !clusterScoped.includes(item.kind)))
      expect(namespaceNames, `${item.kind} ${item.metadata.name}`).toContain(item.metadata.namespace);
    for (const pod of typed.ListPods.items)
      expect(find('ServiceAccount', pod.metadata.namespace, pod.spec.serviceAccountName)).toBeDefined();
  });

  it("resolves every pod's and ReplicaSet's and Job's owner to an object of the files, by kind, name and uid", () => {
    const owned = ALL.filter((item) => item.metadata.ownerReferences);
    expect(owned.filter((item) => item.kind === 'Pod')).toHaveLength(typed.ListPods.items.length);
    for (const item of owned) {
      for (const ref of item.metadata.ownerReferences ?? []) {
        const target = find(ref.kind, item.metadata.namespace, ref.name);
        expect(target?.metadata.uid, `${item.kind} ${item.metadata.name} → ${ref.kind} ${ref.name}`).toBe(
          ref.uid,
        );
        expect(target?.apiVersion).toBe(ref.apiVersion);
        expect(ref.controller).toBe(true);
      }
    }
  });

  it('resolves every binding to a role of the files', () => {
    for (const binding of typed.ListClusterRoleBindings.items)
      expect(find('ClusterRole', undefined, binding.roleRef.name), binding.metadata.name).toBeDefined();
    for (const binding of typed.ListRoleBindings.items) {
      const namespace = binding.roleRef.kind === 'Role' ? binding.metadata.namespace : undefined;
      expect(
        find(binding.roleRef.kind, namespace, binding.roleRef.name),
        binding.metadata.name,
      ).toBeDefined();
    }
  });

  it('runs payments/api from an image of the demo ECR, pinned by digest, in 3 running pods reporting that digest', async () => {
    // Prepare
    const ecr = JSON.parse(await readFile(`${DEMO}ecr/DescribeImages/team%2Fpayments-api.json`, 'utf8')) as {
      imageDetails: { imageDigest: string }[];
    };
    const [container] = specOf('Deployment', 'payments', 'api').containers;
    const digest = container?.image?.split('@')[1];
    // Act
    const running = podsOf('Deployment', 'payments', 'api').filter((pod) => pod.status.phase === 'Running');
    // Assess
    expect(container?.image).toBe(`111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/payments-api@${digest}`);
    expect(ecr.imageDetails.map((image) => image.imageDigest)).toContain(digest);
    expect(running).toHaveLength(3);
    for (const pod of running)
      expect(pod.status.containerStatuses[0]?.imageID).toMatch(new RegExp(`@${digest}$`));
  });

  it("places payments/api by the prod payments nodegroup's security-context label and taint", async () => {
    // Prepare
    const { nodegroup } = JSON.parse(
      await readFile(`${DEMO}eks/DescribeNodegroup/prod/payments.json`, 'utf8'),
    ) as {
      nodegroup: { labels: Record<string, string>; taints: { key: string; value: string; effect: string }[] };
    };
    const [taint] = nodegroup.taints;
    const spec = specOf('Deployment', 'payments', 'api');
    const key = 'customs.io/security-context';
    // Assess
    expect(find('Deployment', 'payments', 'api')).toBeDefined();
    const template = (find('Deployment', 'payments', 'api') as unknown as Deployment).spec?.template;
    expect(template?.metadata?.labels?.[key]).toBe(nodegroup.labels[key]);
    expect(spec.nodeSelector?.[key]).toBe(nodegroup.labels[key]);
    expect(spec.tolerations).toContainEqual({
      key: taint?.key,
      operator: 'Equal',
      value: taint?.value,
      effect: 'NoSchedule', // EKS's NO_SCHEDULE
    });
    expect(taint?.effect).toBe('NO_SCHEDULE');
  });

  it('has the workloads the demo README describes', () => {
    const logger = specOf('DaemonSet', 'logging', 'node-logger');
    expect(logger.containers[0]?.securityContext?.privileged).toBe(true);
    expect(logger.volumes?.find((volume) => volume.hostPath)?.hostPath?.path).toBe('/');
    expect(logger.containers[0]?.image).toMatch(/^docker\.io\/[^@]+:[^@]+$/);
    expect(specOf('Job', 'batch', 'report').hostNetwork).toBe(true);
    const labels = (name: string): Record<string, string> =>
      typed.ListNamespaces.items.find((namespace) => namespace.metadata.name === name)?.metadata.labels ?? {};
    expect(labels('payments')['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(
      Object.keys(labels('batch')).filter((key) => key.startsWith('pod-security.kubernetes.io/')),
    ).toEqual([]);
    const admins = typed.ListClusterRoleBindings.items.filter(
      (binding) => binding.roleRef.name === 'cluster-admin',
    );
    expect(
      admins.flatMap((binding) => binding.subjects.map((subject) => `${subject.kind} ${subject.name}`)),
    ).toEqual(['Group system:masters', 'User dev-alice']);
    expect(podsOf('DaemonSet', 'kube-system', 'aws-node')).toHaveLength(7);
    expect(podsOf('CronJob', 'batch', 'ledger-export')).toHaveLength(0); // its pods are the Job's
    // two shards still running: one on a legacy-batch digest since deleted from ECR, one on its 2024 image
    expect(podsOf('Job', 'batch', 'report').map((pod) => pod.status.phase)).toEqual(['Running', 'Running']);
  });
});
