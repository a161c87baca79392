import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { EventScope } from './aws-events.js';

type Json = Record<string, unknown>;

/** What a Kubernetes API request changed, as the audit log records it. */
export interface AuditedRequest {
  verb: 'create' | 'update' | 'patch' | 'delete';
  /** `objectRef`: the resource (plural, `pods`), its API group (absent for the core group), namespace, name. */
  objectRef: { resource: string; apiGroup?: string; apiVersion: string; namespace?: string; name?: string };
  requestURI: string;
  /** `responseStatus.code`: 201 for a create, 200 for the others. */
  code: number;
  /** The authenticated user (`user.username`, `user.uid`, `user.groups`). */
  user: { username: string; uid: string; groups: string[] };
  sourceIP: string;
  userAgent: string;
  /** `requestObject` (logged at Request level and higher) and `responseObject` (RequestResponse). */
  requestObject?: Json;
  responseObject?: Json;
  /** When the API server received the request and when it answered (`stageTimestamp`). */
  at: Date;
}

function sample(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./aws-samples/${name}.json`, import.meta.url), 'utf8')) as Json;
}

/** A timestamp as the audit log writes it: RFC 3339 with microseconds. */
const micro = (date: Date, extraMicros: number) =>
  date
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}${String(extraMicros).padStart(3, '0')}Z`);

/**
 * A Kubernetes audit event (`audit.k8s.io/v1` `Event`) in the shape of AWS's EKS sample
 * (aws-samples/eks-audit-log-event-cloudwatch-message.json), at the `RequestResponse` level EKS's
 * audit policy logs writes of core and `apps` resources at, stage `ResponseComplete`.
 * @example auditEvent({ verb: 'create', objectRef: { resource: 'pods', apiVersion: 'v1', namespace: 'default' }, … })
 */
export function auditEvent(request: AuditedRequest): Json {
  const base = sample('eks-audit-log-event-cloudwatch-message');
  const { verb, objectRef, requestURI, code, user, sourceIP, userAgent, at } = request;
  return {
    ...base,
    level: 'RequestResponse',
    auditID: crypto.randomUUID(),
    stage: 'ResponseComplete',
    requestURI,
    verb,
    user,
    sourceIPs: [sourceIP],
    userAgent,
    objectRef,
    responseStatus: { metadata: {}, code },
    ...(request.requestObject ? { requestObject: request.requestObject } : {}),
    ...(request.responseObject ? { responseObject: request.responseObject } : {}),
    requestReceivedTimestamp: micro(new Date(at.getTime() - 9), 412),
    stageTimestamp: micro(at, 87),
    annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' },
  };
}

/** The log stream an EKS cluster writes its audit events to: `kube-apiserver-audit-<32 hex>`. */
const AUDIT_STREAM = 'kube-apiserver-audit-6f3b0c2d9e8a47b1a5c4d3e2f1a0b9c8';

/**
 * The payload a CloudWatch Logs subscription delivers to a Lambda function for these audit events:
 * `{"awslogs":{"data":"<base64 of the gzipped JSON>"}}`, whose JSON is AWS's decoded sample
 * (aws-samples/cloudwatch-logs-subscription-lambda-decoded.json) with the cluster's log group
 * `/aws/eks/<cluster>/cluster`, an audit stream, and one log event per audit event (its JSON text).
 * @example auditLogPayload({ accountId, region }, 'prod', [auditEvent(request)])
 */
export function auditLogPayload(
  scope: EventScope,
  cluster: string,
  events: Json[],
): { awslogs: { data: string } } {
  const decoded = sample('cloudwatch-logs-subscription-lambda-decoded');
  const body = {
    ...decoded,
    owner: scope.accountId,
    logGroup: `/aws/eks/${cluster}/cluster`,
    logStream: AUDIT_STREAM,
    subscriptionFilters: ['customs-k8s-audit'],
    messageType: 'DATA_MESSAGE',
    logEvents: events.map((event, index) => {
      const timestamp = Date.parse(String(event.stageTimestamp));
      return {
        id: logEventId(timestamp, index),
        timestamp,
        message: JSON.stringify(event),
      };
    }),
  };
  return { awslogs: { data: gzipSync(JSON.stringify(body)).toString('base64') } };
}

/** A log event id as CloudWatch Logs writes it: 56 decimal digits, rising with time. */
function logEventId(timestamp: number, index: number): string {
  return `${String(timestamp).padStart(20, '3')}${String(index).padStart(36, '0')}`.slice(0, 56);
}
