import { createHash } from 'node:crypto';
import { type AuditedRequest, auditEvent, auditLogPayload } from './audit-payload.js';
import type { EventScope } from './aws-events.js';
import { editSnapshotJson } from './snapshot-files.js';
import type { StoryStep } from './story-step.js';

/**
 * The Kubernetes scene of the demo story: someone on the platform team applies a bare pod
 * `default/debug-shell` on the `prod` cluster — privileged, in the host's PID namespace, a shell
 * that `nsenter`s into a node — then deletes it. EKS sends no EventBridge event for either: the
 * cluster's audit log does, through the CloudWatch Logs subscription (`on-k8s-audit`). The
 * snapshot moves as `kubectl get pods -A -o json` would answer: the pod running, then gone.
 */

const CLUSTER = 'prod';
const NAMESPACE = 'default';
const POD = 'debug-shell';
const NODE = { name: 'ip-10-40-45-132.eu-west-1.compute.internal', ip: '10.40.45.132' };
const IMAGE = 'busybox:1.36';
const PODS_FILE = `k8s/ListPods/${CLUSTER}.json`;

type Json = Record<string, unknown>;
type PodList = Json & { items: (Json & { metadata: { namespace?: string; name: string } })[] };

const hex = (seed: string, length: number) =>
  createHash('sha256').update(`brightwater/k8s/${seed}`).digest('hex').slice(0, length);
const UID = (() => {
  const h = hex(`Pod/${NAMESPACE}/${POD}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
})();
const seconds = (date: Date, plus = 0) =>
  new Date(Math.floor(date.getTime() / 1000) * 1000 + plus * 1000).toISOString().replace('.000Z', 'Z');

/** The pod as `kubectl apply -f debug-shell.yaml` submits it. */
function manifest(): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { 'app.kubernetes.io/name': 'debug-shell' }, name: POD, namespace: NAMESPACE },
    spec: {
      containers: [
        {
          command: [
            'nsenter',
            '--target',
            '1',
            '--mount',
            '--uts',
            '--ipc',
            '--net',
            '--pid',
            '--',
            'sh',
            '-l',
          ],
          image: IMAGE,
          name: 'shell',
          securityContext: { privileged: true },
          stdin: true,
          tty: true,
        },
      ],
      hostPID: true,
      nodeName: NODE.name,
      tolerations: [{ operator: 'Exists' }],
    },
  };
}

/** The pod as the API server stores it: defaults, the token volume, and the status at `phase`. */
function stored(at: Date, phase: 'Pending' | 'Running', resourceVersion: number, deleting = false): Json {
  const submitted = manifest() as { metadata: Json; spec: Json & { containers: Json[] } };
  const token = `kube-api-access-${hex('debug-shell-token', 5)}`;
  const mount = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: token, readOnly: true };
  const [container] = submitted.spec.containers;
  const containerID = `containerd://${hex('debug-shell/shell', 64)}`;
  const running = phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(manifest())}\n` },
      creationTimestamp: seconds(at),
      ...(deleting ? { deletionGracePeriodSeconds: 30, deletionTimestamp: seconds(at, 30 * 60 + 30) } : {}),
      labels: submitted.metadata.labels,
      name: POD,
      namespace: NAMESPACE,
      resourceVersion: String(resourceVersion),
      uid: UID,
    },
    spec: {
      containers: [
        {
          ...container,
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [mount],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostPID: true,
      nodeName: NODE.name,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [{ operator: 'Exists' }],
      volumes: [
        {
          name: token,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              {
                downwardAPI: {
                  items: [
                    { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: running
      ? {
          conditions: [
            'PodReadyToStartContainers',
            'Initialized',
            'Ready',
            'ContainersReady',
            'PodScheduled',
          ].map((type) => ({ lastTransitionTime: seconds(at, 3), status: 'True', type })),
          containerStatuses: [
            {
              containerID,
              image: 'docker.io/library/busybox:1.36',
              imageID: `docker.io/library/busybox@sha256:${hex('busybox-1.36', 64)}`,
              lastState: {},
              name: 'shell',
              ready: true,
              restartCount: 0,
              started: true,
              state: { running: { startedAt: seconds(at, 3) } },
            },
          ],
          hostIP: NODE.ip,
          hostIPs: [{ ip: NODE.ip }],
          phase: 'Running',
          podIP: '10.40.47.201',
          podIPs: [{ ip: '10.40.47.201' }],
          qosClass: 'BestEffort',
          startTime: seconds(at),
        }
      : { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** Who runs kubectl: the platform-admins role's session, as EKS's access entry names it. */
const REQUESTER = {
  username: 'arn:aws:sts::111122223333:assumed-role/platform-admins/maria.garcia',
  uid: 'aws-iam-authenticator:111122223333:AROAHUP3KRV5ZCMP2BGSR',
  groups: ['system:authenticated'],
};
const KUBECTL = { sourceIP: '203.0.113.24', userAgent: 'kubectl/v1.34.1 (linux/amd64) kubernetes/93248f9' };
const OBJECT_REF = { resource: 'pods', apiVersion: 'v1', namespace: NAMESPACE, name: POD };

function created(scope: EventScope): unknown {
  const at = new Date();
  const request: AuditedRequest = {
    verb: 'create',
    objectRef: OBJECT_REF,
    requestURI: `/api/v1/namespaces/${NAMESPACE}/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`,
    code: 201,
    user: REQUESTER,
    ...KUBECTL,
    requestObject: {
      ...manifest(),
      metadata: {
        ...(manifest().metadata as Json),
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(manifest())}\n`,
        },
      },
    },
    responseObject: stored(at, 'Pending', 5_120_431),
    at,
  };
  return auditLogPayload(scope, CLUSTER, [auditEvent(request)]);
}

function deleted(scope: EventScope): unknown {
  const at = new Date();
  const request: AuditedRequest = {
    verb: 'delete',
    objectRef: OBJECT_REF,
    requestURI: `/api/v1/namespaces/${NAMESPACE}/pods/${POD}`,
    code: 200,
    user: REQUESTER,
    ...KUBECTL,
    requestObject: {
      kind: 'DeleteOptions',
      apiVersion: 'meta.k8s.io/__internal',
      propagationPolicy: 'Background',
    },
    responseObject: stored(new Date(at.getTime() - 30 * 60_000), 'Running', 5_121_977, true),
    at,
  };
  return auditLogPayload(scope, CLUSTER, [auditEvent(request)]);
}

const withoutDebugShell = (list: PodList) =>
  list.items.filter((pod) => !(pod.metadata.namespace === NAMESPACE && pod.metadata.name === POD));

export const K8S_SCENE: StoryStep[] = [
  {
    title: `Someone applies a bare pod ${NAMESPACE}/${POD} on the ${CLUSTER} cluster: privileged, in the host's PID namespace, a shell into a node`,
    change: (dir, capturedAt) =>
      editSnapshotJson<PodList>(dir, PODS_FILE, (list) => ({
        ...list,
        items: [
          ...withoutDebugShell(list),
          stored(capturedAt, 'Running', 5_120_468) as PodList['items'][number],
        ],
      })),
    events: (scope) => [created(scope)],
  },
  {
    title: `They delete ${NAMESPACE}/${POD}`,
    change: (dir) =>
      editSnapshotJson<PodList>(dir, PODS_FILE, (list) => ({ ...list, items: withoutDebugShell(list) })),
    events: (scope) => [deleted(scope)],
  },
];
