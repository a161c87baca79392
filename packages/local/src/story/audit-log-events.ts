import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { EventScope } from './aws-events.js';

type Json = Record<string, unknown>;

function sample(
  name: 'eks-audit-log-event-cloudwatch-message' | 'cloudwatch-logs-subscription-lambda-decoded',
): Json {
  return JSON.parse(readFileSync(new URL(`./aws-samples/${name}.json`, import.meta.url), 'utf8'));
}

/** A write of one Kubernetes object, as an audit event records it. */
export interface AuditChange {
  verb: string;
  /** The plural resource (`pods`, `deployments`). */
  resource: string;
  /** The API group: `''` (core) by default. */
  apiGroup?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** `responseStatus.code`: 200 by default (201 for a create). */
  code?: number;
  requestObject?: unknown;
  responseObject?: unknown;
}

function requestUri(change: AuditChange, version: string): string {
  const base = change.apiGroup ? `/apis/${change.apiGroup}/${version}` : `/api/${version}`;
  const namespace = change.namespace ? `/namespaces/${change.namespace}` : '';
  const name = change.name ? `/${change.name}` : '';
  const sub = change.subresource ? `/${change.subresource}` : '';
  return `${base}${namespace}/${change.resource}${name}${sub}`;
}

/**
 * A Kubernetes audit event (`audit.k8s.io/v1`) from AWS's EKS sample, at the RequestResponse level
 * EKS logs writes at, recording `change`.
 * @example auditLogEvent({ verb: 'create', resource: 'pods', namespace: 'default', name: 'debug', responseObject: pod })
 */
export function auditLogEvent(change: AuditChange): Json {
  const event = sample('eks-audit-log-event-cloudwatch-message');
  // apps, batch, rbac.authorization.k8s.io and the core group all serve these resources at v1.
  const version = 'v1';
  const objectRef: Json = { resource: change.resource, apiVersion: version };
  if (change.apiGroup) objectRef.apiGroup = change.apiGroup;
  for (const key of ['namespace', 'name', 'subresource'] as const)
    if (change[key]) objectRef[key] = change[key];
  const code = change.code ?? (change.verb === 'create' ? 201 : 200);
  return {
    ...event,
    level: 'RequestResponse',
    auditID: crypto.randomUUID(),
    requestURI: requestUri(change, version),
    verb: change.verb,
    user: { username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
    userAgent: 'kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b',
    objectRef,
    responseStatus: { metadata: {}, code },
    ...(change.requestObject === undefined ? {} : { requestObject: change.requestObject }),
    ...(change.responseObject === undefined ? {} : { responseObject: change.responseObject }),
  };
}

/** A log event id as CloudWatch Logs writes them: 56 decimal digits. */
function logEventId(index: number): string {
  return `3195310660696698337880902507980421114328961542429822${String(1568 + index).padStart(4, '0')}`;
}

/**
 * The payload a subscription filter on the cluster's log group (`/aws/eks/<cluster>/cluster`,
 * an audit stream) delivers to its Lambda, from AWS's decoded sample: each message a log event.
 * Raw (`{"awslogs": {"data": "<base64 gzip>"}}`) as Lambda receives it, or decoded.
 * @example auditLogPayload({ accountId, region }, 'prod', [auditLogEvent(change)])
 */
export function auditLogPayload(
  scope: EventScope,
  cluster: string,
  messages: (Json | string)[],
  form: 'raw' | 'decoded' = 'raw',
): Json {
  const timestamp = Date.now();
  const decoded = {
    ...sample('cloudwatch-logs-subscription-lambda-decoded'),
    owner: scope.accountId,
    logGroup: `/aws/eks/${cluster}/cluster`,
    logStream: 'kube-apiserver-audit-4c8b3d1f9e2a4b6c8d0e1f2a3b4c5d6e',
    subscriptionFilters: ['customs-k8s-audit'],
    logEvents: messages.map((message, index) => ({
      id: logEventId(index),
      timestamp,
      message: typeof message === 'string' ? message : JSON.stringify(message),
    })),
  };
  if (form === 'decoded') return decoded;
  return { awslogs: { data: gzipSync(JSON.stringify(decoded)).toString('base64') } };
}
