import { describe, expect, it } from 'vitest';
import { normaliseK8sCluster, normaliseK8sNamespace } from '../../src/normalise/k8s-cluster.js';
import { podsByWorkload } from '../../src/normalise/k8s-owners.js';
import { normalisePodTemplate } from '../../src/normalise/k8s-pod-template.js';
import { normaliseK8sWorkload, type WorkloadInput } from '../../src/normalise/k8s-workload.js';
import {
  fluentdDaemonSet,
  helloCronJob,
  helloJob,
  NGINX_ID,
  nginxDeployment,
  nginxPod,
  nginxReplicaSet,
  podOf,
  securityContextPod,
  windowsHostProcessPod,
} from '../helpers/k8s-objects.js';

const CLUSTER = {
  clusterName: 'my-cluster',
  clusterArn: 'arn:aws:eks:us-west-2:111122223333:cluster/my-cluster',
  accountId: '111122223333',
  region: 'us-west-2',
};

function workload(input: Partial<WorkloadInput> & Pick<WorkloadInput, 'kind' | 'item'>) {
  const read = normaliseK8sWorkload({
    cluster: CLUSTER,
    pods: { running: 0, imageIds: new Map() },
    serviceAccounts: new Map([['default/default', {}]]),
    ...input,
  });
  if ('skipped' in read) throw new Error(read.skipped);
  return read;
}

describe('normalisePodTemplate and normaliseK8sWorkload', () => {
  it('reads the documentation’s nginx Deployment, its pods through its ReplicaSet', () => {
    // Prepare
    const pods = [0, 1, 2].map((index) =>
      podOf({ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5' }, `p${index}`),
    );
    pods.push(
      podOf({ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5' }, 'pending', { phase: 'Pending' }),
    );
    // Act
    const byWorkload = podsByWorkload(pods, [nginxReplicaSet()], []);
    const { workload: deployment, warning } = workload({
      kind: 'Deployment',
      item: nginxDeployment(),
      pods: byWorkload.get('default/Deployment/nginx-deployment'),
    });
    // Assess
    expect(warning).toBeUndefined();
    expect(deployment).toMatchObject({
      type: 'k8s-workload',
      id: `${CLUSTER.clusterArn}/default/Deployment/nginx-deployment`,
      name: 'my-cluster/default/Deployment/nginx-deployment',
      namespace: 'default',
      kind: 'Deployment',
      workloadName: 'nginx-deployment',
      labels: { app: 'nginx' },
      serviceAccount: { name: 'default', found: true },
      runningPods: 3,
    });
    expect(deployment.template).toEqual({
      labels: { app: 'nginx' },
      annotations: {},
      containers: [
        {
          kind: 'container',
          name: 'nginx',
          image: 'nginx:1.14.2',
          runningImageIds: [NGINX_ID],
          deployedImages: [],
          ports: [{ containerPort: 80 }],
          probeHosts: [],
          secretEnv: [],
          resources: { limits: {}, requests: {} },
        },
      ],
      volumes: [],
      nodeSelector: {},
      requiredNodeAffinity: [],
      tolerations: [],
    });
    expect(deployment.unreadable).toBeUndefined();
  });

  it('reads the fluentd-elasticsearch DaemonSet: hostPath volume, tolerations, resources', () => {
    const { workload: daemonSet } = workload({ kind: 'DaemonSet', item: fluentdDaemonSet() });
    expect(daemonSet.namespace).toBe('kube-system');
    expect(daemonSet.template.volumes).toEqual([
      { name: 'varlog', source: 'hostPath', hostPath: '/var/log' },
    ]);
    expect(daemonSet.template.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(daemonSet.template.containers[0]?.resources).toEqual({
      limits: { memory: '200Mi' },
      requests: { cpu: '100m', memory: '200Mi' },
    });
    // not found in the namespace's ServiceAccounts
    expect(daemonSet.serviceAccount).toEqual({ name: 'default', found: false });
  });

  it('reads a CronJob’s template from spec.jobTemplate.spec.template, its pods through its Jobs, and skips those Jobs', () => {
    // Prepare
    const pods = [podOf({ kind: 'Job', name: 'hello-28765432' }, 'hello-28765432-x', { container: 'hello' })];
    // Act
    const byWorkload = podsByWorkload(pods, [], [helloJob()]);
    const { workload: cronJob } = workload({
      kind: 'CronJob',
      item: helloCronJob(),
      pods: byWorkload.get('default/CronJob/hello'),
    });
    const job = normaliseK8sWorkload({
      cluster: CLUSTER,
      kind: 'Job',
      item: helloJob(),
      pods: undefined,
      serviceAccounts: new Map(),
    });
    // Assess
    expect(cronJob.template.containers.map((c) => [c.name, c.image, c.imagePullPolicy])).toEqual([
      ['hello', 'busybox:1.28', 'IfNotPresent'],
    ]);
    expect(cronJob.runningPods).toBe(1);
    expect(job).toEqual({ skipped: 'my-cluster/default/Job/hello-28765432: run by a CronJob' });
  });

  it('reads a bare pod as a workload and skips a pod with an owner', () => {
    const { workload: pod } = workload({ kind: 'Pod', item: nginxPod() });
    expect(pod.id).toBe(`${CLUSTER.clusterArn}/default/Pod/nginx`);
    const owned = normaliseK8sWorkload({
      cluster: CLUSTER,
      kind: 'Pod',
      item: podOf({ kind: 'ReplicaSet', name: 'x' }, 'y'),
      pods: undefined,
      serviceAccounts: new Map(),
    });
    expect(owned).toEqual({ skipped: 'my-cluster/default/Pod/y: owned by a controller' });
  });

  it('keeps pod- and container-level security contexts apart, and capabilities as written', () => {
    const { template } = workload({ kind: 'Pod', item: securityContextPod() }).workload;
    expect(template.securityContext).toEqual({
      runAsUser: 1000,
      seccompProfileType: 'RuntimeDefault',
      sysctls: [],
    });
    expect(template.containers[0]?.securityContext).toEqual({
      runAsUser: 2000,
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: [] },
      seLinuxOptions: { level: 's0:c123,c456' },
    });
  });

  it('reads a Windows HostProcess pod: os, hostNetwork, windowsOptions.hostProcess', () => {
    const { template } = workload({ kind: 'Pod', item: windowsHostProcessPod() }).workload;
    expect(template.osName).toBe('windows');
    expect(template.hostNetwork).toBe(true);
    expect(template.securityContext?.windowsHostProcess).toBe(true);
    expect(template.nodeSelector).toEqual({ 'kubernetes.io/os': 'windows' });
  });

  it('takes `securityContext: null` as not set and ignores unknown fields', () => {
    const spec = {
      securityContext: null,
      futureField: { anything: [1, 2] },
      containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: null, futureField: 'x' }],
    };
    const { template, problem } = normalisePodTemplate({ labels: { app: 'nginx' } }, spec, 'pod', new Map());
    expect(problem).toBeUndefined();
    expect(template.securityContext).toBeUndefined();
    expect(template.containers[0]?.securityContext).toBeUndefined();
    expect('futureField' in template).toBe(false);
  });

  it('reads every container kind, probes’ hosts, secret env, affinity, sysctls and the deprecated serviceAccount', () => {
    const spec = {
      serviceAccount: 'legacy',
      automountServiceAccountToken: false,
      hostPID: true,
      securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '0' }] },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'customs.io/security-context', operator: 'In', values: ['web'] }] },
            ],
          },
        },
      },
      initContainers: [{ name: 'init', image: 'busybox:1.28', securityContext: { privileged: true } }],
      containers: [
        {
          name: 'app',
          image: 'nginx:1.14.2',
          livenessProbe: { httpGet: { path: '/', port: 80, host: '10.0.0.1' } },
          lifecycle: { preStop: { tcpSocket: { port: 80, host: 'example.com' } } },
          env: [
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            { name: 'MODE', value: 'prod' },
          ],
          ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }],
        },
      ],
      ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.28' }],
    };
    const { template, problem } = normalisePodTemplate({}, spec, 'pod', new Map());
    expect(problem).toBeUndefined();
    expect(template.serviceAccountName).toBe('legacy');
    expect(template.automountServiceAccountToken).toBe(false);
    expect(template.hostPID).toBe(true);
    expect(template.securityContext?.sysctls).toEqual([{ name: 'kernel.shm_rmid_forced', value: '0' }]);
    expect(template.requiredNodeAffinity).toEqual([
      [{ key: 'customs.io/security-context', operator: 'In', values: ['web'] }],
    ]);
    expect(template.containers.map((c) => [c.kind, c.name])).toEqual([
      ['container', 'app'],
      ['initContainer', 'init'],
      ['ephemeralContainer', 'debugger'],
    ]);
    const [app, init] = template.containers;
    expect(app?.probeHosts).toEqual([
      'livenessProbe.httpGet=10.0.0.1',
      'lifecycle.preStop.tcpSocket=example.com',
    ]);
    expect(app?.secretEnv).toEqual(['PASSWORD']);
    expect(app?.ports).toEqual([{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }]);
    expect(init?.securityContext?.privileged).toBe(true);
  });

  it('makes the template unreadable, naming the field, when a field has another type — never a PASS', () => {
    // Prepare: `privileged: "true"` is not a boolean, hostNetwork is a number
    const item = nginxPod({
      hostNetwork: 1,
      containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: 'true' } }],
    });
    // Act
    const read = normaliseK8sWorkload({
      cluster: CLUSTER,
      kind: 'Pod',
      item,
      pods: undefined,
      serviceAccounts: new Map(),
    });
    // Assess
    if ('skipped' in read) throw new Error(read.skipped);
    expect(read.workload.unreadable?.template).toBe(
      'malformed Pod: pod.spec.hostNetwork: expected a boolean; pod.spec.containers[0].securityContext.privileged: expected a boolean',
    );
    expect(read.warning).toContain('my-cluster/default/Pod/nginx');
  });

  it('skips items without a name or namespace, and never throws on garbage', () => {
    for (const item of [
      null,
      42,
      'pod',
      [],
      { metadata: 'x' },
      { metadata: { name: 'a' } },
      { metadata: { name: 7, namespace: 'n' } },
    ]) {
      const read = normaliseK8sWorkload({
        cluster: CLUSTER,
        kind: 'Deployment',
        item,
        pods: undefined,
        serviceAccounts: new Map(),
      });
      expect(read).toEqual({ skipped: 'a Deployment without a metadata.name and metadata.namespace' });
    }
    const noSpec = normaliseK8sWorkload({
      cluster: CLUSTER,
      kind: 'Deployment',
      item: { metadata: { name: 'a', namespace: 'n' }, spec: { template: 'nope' } },
      pods: undefined,
      serviceAccounts: new Map(),
    });
    if ('skipped' in noSpec) throw new Error(noSpec.skipped);
    expect(noSpec.workload.unreadable?.template).toContain('spec.template.spec: missing');
  });

  it('bounds a list: more than 1,000 containers make the template unreadable', () => {
    const containers = Array.from({ length: 1001 }, (_, index) => ({
      name: `c${index}`,
      image: 'nginx:1.14.2',
    }));
    const { template, problem } = normalisePodTemplate({}, { containers }, 'pod', new Map());
    expect(template.containers).toHaveLength(1000);
    expect(problem).toBe('pod.spec.containers: 1001 entries, more than the 1000 read');
  });

  it('maps 10,000 pods of one namespace to their workloads in one pass', () => {
    // Prepare: 5,000 pods of the Deployment (two ReplicaSets), 5,000 of a StatefulSet
    const replicaSets = [nginxReplicaSet('default', 'rs-a'), nginxReplicaSet('default', 'rs-b')];
    const pods = Array.from({ length: 10_000 }, (_, index) =>
      index < 5000
        ? podOf({ kind: 'ReplicaSet', name: index % 2 ? 'rs-a' : 'rs-b' }, `d-${index}`, {
            imageID: `id-${index % 3}`,
          })
        : podOf({ kind: 'StatefulSet', name: 'web' }, `web-${index}`),
    );
    // Act
    const byWorkload = podsByWorkload(pods, replicaSets, []);
    // Assess
    expect(byWorkload.get('default/Deployment/nginx-deployment')?.running).toBe(5000);
    expect(
      [...(byWorkload.get('default/Deployment/nginx-deployment')?.imageIds.get('nginx') ?? [])].sort(),
    ).toEqual(['id-0', 'id-1', 'id-2']);
    expect(byWorkload.get('default/StatefulSet/web')?.running).toBe(5000);
    expect(byWorkload.size).toBe(2);
  });
});

describe('normaliseK8sNamespace and normaliseK8sCluster', () => {
  it('reads a namespace’s labels and phase', () => {
    const read = normaliseK8sNamespace(CLUSTER, {
      metadata: { name: 'prod', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
      status: { phase: 'Active' },
    });
    expect(read).toEqual({
      namespace: {
        type: 'k8s-namespace',
        id: `${CLUSTER.clusterArn}/namespace/prod`,
        name: 'my-cluster/prod',
        accountId: CLUSTER.accountId,
        region: CLUSTER.region,
        clusterName: 'my-cluster',
        clusterArn: CLUSTER.clusterArn,
        namespaceName: 'prod',
        labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
        phase: 'Active',
      },
    });
  });

  it('reads bindings and roles, and makes a list with a malformed binding unreadable', () => {
    const clusterAdmin = {
      metadata: { name: 'cluster-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
    };
    const cluster = normaliseK8sCluster({
      cluster: CLUSTER,
      gitVersion: 'v1.31.4-eks-2d5f260',
      clusterRoleBindings: [clusterAdmin],
      roleBindings: [{ metadata: { name: 'read', namespace: 'default' }, roleRef: { kind: 'Role' } }],
      clusterRoles: [
        {
          metadata: { name: 'cluster-admin' },
          rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
        },
      ],
      roles: { unreadable: 'KubernetesApiError: k8s:ListRoles: forbidden' },
      counts: { namespaces: 4, workloads: 1 },
    });
    expect(cluster.api).toEqual({ gitVersion: 'v1.31.4-eks-2d5f260' });
    expect(cluster.clusterRoleBindings).toEqual([
      {
        name: 'cluster-admin',
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: 'system:masters' }],
      },
    ]);
    expect(cluster.clusterRoles[0]?.rules).toEqual([
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'], resourceNames: [], nonResourceURLs: [] },
    ]);
    expect(cluster.unreadable).toEqual({
      roleBindings: 'malformed: items[0] (read): expected metadata.name, roleRef.kind and roleRef.name',
      roles: 'KubernetesApiError: k8s:ListRoles: forbidden',
    });
  });
});
