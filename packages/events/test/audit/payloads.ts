import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

type Json = Record<string, unknown>;

const SAMPLES = new URL('../../../../test/fixtures/aws-samples/events/', import.meta.url);

/** AWS's EKS audit event (a `watch` of podsecuritypolicies) or decoded subscription payload, parsed fresh. */
export function awsSample(
  name: 'eks-audit-log-event-cloudwatch-message' | 'cloudwatch-logs-subscription-lambda-decoded',
): Json {
  TEXTS[name] ??= readFileSync(new URL(`${name}.json`, SAMPLES), 'utf8');
  return JSON.parse(TEXTS[name]);
}

const TEXTS: Record<string, string> = {};

/** AWS's audit event with another verb, object reference, response code and objects. */
export function auditEvent(
  verb: string,
  objectRef: Json,
  extra: { code?: number; requestObject?: unknown; responseObject?: unknown } = {},
): Json {
  const { code = verb === 'create' ? 201 : 200, ...objects } = extra;
  return {
    ...awsSample('eks-audit-log-event-cloudwatch-message'),
    level: 'RequestResponse',
    verb,
    objectRef: { apiVersion: 'v1', ...objectRef },
    responseStatus: { metadata: {}, code },
    ...objects,
  };
}

/** A Pod as the Kubernetes docs show one (nginx:1.14.2, port 80), optionally owned. */
export function pod(name: string, namespace: string, owner?: { kind: string; name: string }): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      ...(owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', controller: true, ...owner, uid: 'b5f2d6a0' }] }
        : {}),
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
  };
}

/** AWS's decoded payload re-addressed to the cluster's log group, each message a log event. */
export function decoded(messages: (Json | string)[], cluster = 'prod', owner = '111122223333'): Json {
  const base = awsSample('cloudwatch-logs-subscription-lambda-decoded');
  const [first] = base.logEvents as { id: string; timestamp: number }[];
  return {
    ...base,
    owner,
    logGroup: `/aws/eks/${cluster}/cluster`,
    logStream: 'kube-apiserver-audit-4c8b3d1f9e2a4b6c8d0e1f2a3b4c5d6e',
    logEvents: messages.map((message, index) => ({
      id: `${first?.id}${index}`,
      timestamp: first?.timestamp,
      message: typeof message === 'string' ? message : JSON.stringify(message),
    })),
  };
}

/** The raw form a Lambda receives: the payload gzipped and base64'd. */
export function raw(payload: Json | string): { awslogs: { data: string } } {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { awslogs: { data: gzipSync(text).toString('base64') } };
}
