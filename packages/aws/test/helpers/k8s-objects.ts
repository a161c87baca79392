/**
 * Kubernetes objects as the API returns them (`kubectl get … -o json`), built from the Kubernetes
 * documentation's own examples: the nginx Deployment of "Deployments", the fluentd-elasticsearch
 * DaemonSet of "DaemonSet", the `hello` CronJob of "CronJob", the nginx Pod of "Pods", the
 * security-context demos of "Configure a Security Context for a Pod or Container" and the
 * HostProcess pod of "Create a Windows HostProcess Pod"; with the metadata and status the API
 * server adds (uid, ownerReferences, phase, containerStatuses' imageID).
 */

type Json = Record<string, unknown>;

const NGINX_ID =
  'docker.io/library/nginx@sha256:f7988fb6c02e0ce69257d9bd9cf37ae20a60f1df7563c3a2a6abe24160306b8d';

/** The nginx Deployment of the Deployments page (3 replicas of nginx:1.14.2). */
export function nginxDeployment(namespace = 'default'): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx-deployment', namespace, labels: { app: 'nginx' }, uid: 'd1' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
      },
    },
    status: { replicas: 3, readyReplicas: 3 },
  };
}

/** The ReplicaSet the Deployment controller creates for it. */
export function nginxReplicaSet(namespace = 'default', name = 'nginx-deployment-66b6c48dd5'): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: 'd1', controller: true },
      ],
    },
    spec: { replicas: 3 },
  };
}

/** A pod of an owner, Running by default, with its container's image id. */
export function podOf(
  owner: { kind: string; name: string },
  name: string,
  options: { namespace?: string; phase?: string; container?: string; imageID?: string } = {},
): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: 'o1', controller: true },
      ],
    },
    spec: { containers: [{ name: options.container ?? 'nginx', image: 'nginx:1.14.2' }] },
    status: {
      phase: options.phase ?? 'Running',
      containerStatuses: [
        {
          name: options.container ?? 'nginx',
          image: 'nginx:1.14.2',
          imageID: options.imageID ?? NGINX_ID,
          ready: true,
        },
      ],
    },
  };
}

export { NGINX_ID };

/** The fluentd-elasticsearch DaemonSet of the DaemonSet page (a hostPath of /var/log). */
export function fluentdDaemonSet(): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: 'fluentd-elasticsearch',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'fluentd-logging' },
    },
    spec: {
      selector: { matchLabels: { name: 'fluentd-elasticsearch' } },
      template: {
        metadata: { labels: { name: 'fluentd-elasticsearch' } },
        spec: {
          tolerations: [
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
            { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'fluentd-elasticsearch',
              image: 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
              resources: { limits: { memory: '200Mi' }, requests: { cpu: '100m', memory: '200Mi' } },
              volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }],
            },
          ],
          terminationGracePeriodSeconds: 30,
          volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
        },
      },
    },
  };
}

/** The `hello` CronJob of the CronJob page (busybox:1.28 every minute). */
export function helloCronJob(): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '* * * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'hello',
                  image: 'busybox:1.28',
                  imagePullPolicy: 'IfNotPresent',
                  command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'],
                },
              ],
              restartPolicy: 'OnFailure',
            },
          },
        },
      },
    },
  };
}

/** A Job the `hello` CronJob created (its name is the schedule's minute). */
export function helloJob(name = 'hello-28765432'): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'default',
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'c1', controller: true },
      ],
    },
    spec: { template: helloCronJob().spec as Json },
  };
}

/** The nginx Pod of the Pods page: a bare pod (no owner). */
export function nginxPod(overrides: Json = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx', namespace: 'default' },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }],
      ...overrides,
    },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'nginx', imageID: NGINX_ID }],
    },
  };
}

/**
 * `security-context-demo-2` and `-4` of "Configure a Security Context": runAsUser at pod and
 * container level, allowPrivilegeEscalation false, capabilities added.
 */
export function securityContextPod(): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'security-context-demo-2', namespace: 'default' },
    spec: {
      securityContext: { runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'sec-ctx-demo-2',
          image: 'gcr.io/google-samples/hello-app:2.0',
          securityContext: {
            runAsUser: 2000,
            allowPrivilegeEscalation: false,
            capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] },
            seLinuxOptions: { level: 's0:c123,c456' },
          },
        },
      ],
    },
    status: { phase: 'Pending' },
  };
}

/** A HostProcess pod of "Create a Windows HostProcess Pod" (hostNetwork, windowsOptions.hostProcess). */
export function windowsHostProcessPod(): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'hpc', namespace: 'default' },
    spec: {
      securityContext: { windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' } },
      hostNetwork: true,
      os: { name: 'windows' },
      containers: [{ name: 'hpc', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' }],
      nodeSelector: { 'kubernetes.io/os': 'windows' },
    },
  };
}

/** A `kubectl get … -o json` List of objects. */
export function listOf(items: unknown[]): Json {
  return { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } };
}
