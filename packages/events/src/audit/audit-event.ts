import { type ResourceRef, safeText } from '@customs/core';
import * as z from 'zod';
import { EventValidationError } from '../errors.js';
import { AUDITED_RESOURCES, CHANGING_SUBRESOURCES, CHANGING_VERBS } from './audited-resources.js';
import { metaOf, type ObjectMeta } from './object-meta.js';

/** A ref an audit event names, before the account and region are added. */
export type AuditRef = Omit<ResourceRef, 'accountId' | 'region'>;

/** Where one audit event ends: the refs to re-assess, or ignored or rejected with the reason. */
export type AuditOutcome =
  | { outcome: 'refs'; refs: AuditRef[] }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'rejected'; reason: string };

/** The fields of an `audit.k8s.io/v1` Event that decide its refs (unknown fields are left alone). */
const auditEventSchema = z.object({
  kind: z.literal('Event'),
  apiVersion: z.string().startsWith('audit.k8s.io/'),
  verb: z.string().max(100),
  objectRef: z
    .object({
      resource: z.string().max(253).optional(),
      apiGroup: z.string().max(253).optional(),
      namespace: z.string().max(253).optional(),
      name: z.string().max(253).optional(),
      subresource: z.string().max(253).optional(),
    })
    .optional(),
  responseStatus: z.object({ code: z.number().int().optional() }).optional(),
  requestObject: z.unknown().optional(),
  responseObject: z.unknown().optional(),
});

type AuditEvent = z.infer<typeof auditEventSchema>;

const shown = (value: unknown) => safeText(value, { maxLength: 100 });

/**
 * Why `value` is not a Kubernetes object name (RFC 1123: lower-case letters, digits, `-`, and `.`
 * for a DNS subdomain, at most `max` characters, from and to a letter or digit), or undefined.
 */
function nameProblem(value: string, max: number, dots: boolean): string | undefined {
  if (value.length < 1 || value.length > max) return `is ${value.length} characters; at most ${max}`;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const alnum = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
    const inner = code === 0x2d || (dots && code === 0x2e);
    if (!alnum && (!inner || index === 0 || index === value.length - 1))
      return `holds "${shown(value.charAt(index))}" at position ${index}; a Kubernetes name is lower-case letters, digits${dots ? ', - and .' : ' and -'}`;
  }
  return undefined;
}

function checked(value: string, field: string, max: number, dots: boolean): string {
  const problem = nameProblem(value, max, dots);
  if (problem !== undefined) throw new EventValidationError(`${field}: ${problem}`);
  return value;
}

/** The object's name: objectRef.name, or for a create with a generated name the response's (the name the API server chose). */
function nameOf(event: AuditEvent, response: ObjectMeta | undefined): string | undefined {
  if (event.objectRef?.name) return event.objectRef.name;
  return event.verb === 'create' ? response?.name : undefined;
}

/** What the audit event of a write of a known resource names. */
function refsOf(event: AuditEvent, cluster: string): AuditOutcome {
  const ref = event.objectRef ?? {};
  const resource = ref.resource ?? '';
  const audited = AUDITED_RESOURCES[resource] as NonNullable<(typeof AUDITED_RESOURCES)[string]>;
  if (audited.refs === 'none') return { outcome: 'ignored', reason: audited.reason };
  if (audited.refs === 'k8s-cluster')
    return { outcome: 'refs', refs: [{ type: 'k8s-cluster', name: cluster }] };
  const response = metaOf(event.responseObject, 'responseObject');
  const name = nameOf(event, response);
  if (name === undefined) {
    const generated = metaOf(event.requestObject, 'requestObject')?.generateName;
    const why = generated ? ` (generateName ${shown(generated)})` : '';
    return {
      outcome: 'ignored',
      reason: `the ${resource} ${event.verb}${why} names no object, and no response object was logged to name it: the daily sweep reads it`,
    };
  }
  const field = event.objectRef?.name ? 'objectRef.name' : 'responseObject.metadata.name';
  if (audited.refs === 'k8s-namespace')
    return {
      outcome: 'refs',
      refs: [{ type: 'k8s-namespace', name: checked(name, field, 63, false), parent: cluster }],
    };
  if (!ref.namespace)
    throw new EventValidationError(
      `objectRef.namespace: ${resource} are namespaced; the event names no namespace`,
    );
  const namespace = checked(ref.namespace, 'objectRef.namespace', 63, false);
  const object = checked(name, field, 253, true);
  if (audited.refs === 'k8s-service-account')
    return {
      outcome: 'refs',
      refs: [{ type: 'k8s-workload', name: `${namespace}/ServiceAccount/${object}`, parent: cluster }],
    };
  if (audited.kind === 'Pod') {
    // The stored object says who owns the pod; a request object is the pod only on create and update.
    const request = metaOf(event.requestObject, 'requestObject');
    const pod = response?.kind === 'Pod' ? response : request?.kind === 'Pod' ? request : undefined;
    const [owner] = pod?.owners ?? [];
    if (owner !== undefined)
      return {
        outcome: 'ignored',
        reason: `pod ${namespace}/${object} is owned by ${shown(owner)}: a pod with an owner is not a workload of its own; its controller's template is assessed`,
      };
  }
  return {
    outcome: 'refs',
    refs: [{ type: 'k8s-workload', name: `${namespace}/${audited.kind}/${object}`, parent: cluster }],
  };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(the event)'}: ${issue.message}`)
    .join('; ');
}

function outcomeOf(event: AuditEvent, cluster: string): AuditOutcome {
  const { verb } = event;
  if (!(CHANGING_VERBS as readonly string[]).includes(verb))
    return {
      outcome: 'ignored',
      reason: `verb ${shown(verb)} changes nothing (only ${CHANGING_VERBS.join(', ')} do)`,
    };
  const code = event.responseStatus?.code;
  if (code === undefined || code < 200 || code > 299)
    return {
      outcome: 'ignored',
      reason: `the ${shown(verb)} did not succeed (response ${code ?? 'absent'}): nothing changed`,
    };
  const resource = event.objectRef?.resource;
  const audited =
    resource !== undefined && Object.hasOwn(AUDITED_RESOURCES, resource)
      ? AUDITED_RESOURCES[resource]
      : undefined;
  if (!audited)
    return {
      outcome: 'ignored',
      reason: `no check reads ${resource ? shown(resource) : 'a request that names no resource'}`,
    };
  const group = event.objectRef?.apiGroup ?? '';
  if (group !== audited.apiGroup)
    return {
      outcome: 'ignored',
      reason: `${shown(resource)} of API group "${shown(group)}" is not the ${audited.apiGroup || 'core'} group's, which the checks read`,
    };
  const subresource = event.objectRef?.subresource;
  const changes =
    audited.refs === 'k8s-workload' &&
    audited.kind === 'Pod' &&
    (CHANGING_SUBRESOURCES as readonly string[]).includes(subresource ?? '');
  if (subresource !== undefined && !changes)
    return {
      outcome: 'ignored',
      reason: `the ${shown(subresource)} subresource of ${resource} changes nothing a check reads`,
    };
  return refsOf(event, cluster);
}

/**
 * Maps one audit log message (an `audit.k8s.io/v1` Event, as JSON) of a cluster to exactly one
 * outcome: the refs to re-assess (a workload, the workloads that run as a ServiceAccount, a
 * namespace or the cluster's RBAC), ignored with the
 * reason (a read, a failed request, a resource no check reads, an owned pod, a status update), or
 * rejected with the reason (not JSON, not an audit Event, a name Kubernetes could not have issued).
 * Never throws; reads no field beyond those it needs (no recursion into the objects).
 * @example auditEventOutcome(message, 'prod') // { outcome: 'refs', refs: [{ type: 'k8s-workload', name: 'default/Pod/debug', parent: 'prod' }] }
 */
export function auditEventOutcome(message: string, cluster: string): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch (error) {
    return {
      outcome: 'rejected',
      reason: `message: not JSON (${safeText((error as Error).message, { maxLength: 200 })})`,
    };
  }
  const parsed = auditEventSchema.safeParse(json);
  if (!parsed.success)
    return {
      outcome: 'rejected',
      reason: safeText(`message: not a Kubernetes audit event: ${describe(parsed.error)}`, {
        maxLength: 1000,
      }),
    };
  try {
    return outcomeOf(parsed.data, cluster);
  } catch (error) {
    if (error instanceof EventValidationError)
      return { outcome: 'rejected', reason: `message: ${error.message}` };
    throw error;
  }
}
