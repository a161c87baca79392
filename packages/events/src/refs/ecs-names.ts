import { EventValidationError } from '../errors.js';
import { checkedName } from './arn.js';

/** The default cluster: ECS assumes it when a request names no cluster (ECS API reference, `cluster`). */
export const DEFAULT_CLUSTER = 'default';

/**
 * The resource part of an ECS ARN (`arn:<partition>:ecs:<region>:<account>:<resource>`), or
 * undefined when `value` is not an ARN at all (a short name). An ARN of another service, or one
 * with fewer than six parts, is an EventValidationError naming `field`. Five `indexOf` steps, no
 * regular expression: a task definition's resource (`task-definition/family:3`) keeps its colon.
 * @example ecsArnResource('arn:aws:ecs:us-east-1:123456789012:cluster/default', 'f') // 'cluster/default'
 */
export function ecsArnResource(value: string, field: string): string | undefined {
  if (!value.startsWith('arn:')) return undefined;
  checkedName(value, field, 'arn');
  const parts: string[] = [];
  let at = 0;
  for (let index = 0; index < 5; index++) {
    const next = value.indexOf(':', at);
    if (next === -1) throw new EventValidationError(`${field}: not an ECS ARN (too few parts)`);
    parts.push(value.slice(at, next));
    at = next + 1;
  }
  // arn : partition : ecs : region : account
  if (!parts[1]?.startsWith('aws') || parts[2] !== 'ecs') {
    throw new EventValidationError(`${field}: not an ECS ARN (service ${parts[2] ?? ''})`);
  }
  return value.slice(at);
}

/** The `/`-separated parts of an ARN's resource after its type (`service/prod/api` → `['prod', 'api']`). */
function resourceParts(resource: string, type: string, field: string, counts: readonly number[]): string[] {
  if (!resource.startsWith(`${type}/`)) {
    throw new EventValidationError(`${field}: not an ECS ${type} ARN`);
  }
  const parts = resource.slice(type.length + 1).split('/');
  if (!counts.includes(parts.length) || parts.some((part) => part === '')) {
    const noun = counts.length === 1 && counts[0] === 1 ? 'part' : 'parts';
    throw new EventValidationError(
      `${field}: an ECS ${type} ARN has ${counts.join(' or ')} non-empty ${noun} after ${type}/`,
    );
  }
  return parts;
}

/**
 * A cluster name from a value that is its short name or its ARN (`cluster/<name>`), checked
 * against the registry's limit for an ECS cluster name.
 * @example clusterNameOf('arn:aws:ecs:us-east-1:123456789012:cluster/default', 'f') // 'default'
 */
export function clusterNameOf(value: string, field: string): string {
  const resource = ecsArnResource(value, field);
  const name = resource === undefined ? value : (resourceParts(resource, 'cluster', field, [1])[0] as string);
  return checkedName(name, field, 'ecs-cluster');
}

/** A service, and its cluster when the value names it. */
export interface EcsServiceName {
  name: string;
  cluster?: string;
}

/**
 * A service from its short name or its ARN: `service/<cluster>/<name>`, or the old form
 * `service/<name>` that names no cluster.
 * @example serviceNameOf('arn:aws:ecs:us-west-2:111122223333:service/default/servicetest', 'f') // { cluster: 'default', name: 'servicetest' }
 */
export function serviceNameOf(value: string, field: string): EcsServiceName {
  const resource = ecsArnResource(value, field);
  if (resource === undefined) return { name: checkedName(value, field, 'ecs-service') };
  const parts = resourceParts(resource, 'service', field, [1, 2]);
  const name = checkedName(parts[parts.length - 1] as string, field, 'ecs-service');
  return parts.length === 2
    ? { cluster: checkedName(parts[0] as string, field, 'ecs-cluster'), name }
    : { name };
}

/** Whether `text` is a revision number: 1 to 10 decimal digits, not starting with 0. */
function isRevision(text: string): boolean {
  if (text.length === 0 || text.length > 10 || text[0] === '0') return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * The `family:revision` a value names (`family:revision` or a task definition ARN), or undefined
 * when it names a family only (`family`: the latest ACTIVE revision, which the response names).
 * A revision that is not a number is an EventValidationError.
 * @example taskDefinitionOf('arn:aws:ecs:us-west-2:111122223333:task-definition/sample-fargate:1', 'f') // 'sample-fargate:1'
 */
export function taskDefinitionOf(value: string, field: string): string | undefined {
  const resource = ecsArnResource(value, field);
  const named =
    resource === undefined ? value : (resourceParts(resource, 'task-definition', field, [1])[0] as string);
  const colon = named.lastIndexOf(':');
  if (colon === -1) {
    if (resource !== undefined)
      throw new EventValidationError(`${field}: a task definition ARN names its revision`);
    return undefined; // a family: never a ref's name, so not checked as one
  }
  if (colon === 0 || !isRevision(named.slice(colon + 1))) {
    throw new EventValidationError(`${field}: not a task definition family:revision`);
  }
  return checkedName(named, field, 'ecs-task-definition');
}

/**
 * The revision before `family:revision` (`payments:3` → `payments:2`), or undefined for revision 1.
 * @example previousRevision('payments:3') // 'payments:2'
 */
export function previousRevision(familyRevision: string): string | undefined {
  const colon = familyRevision.lastIndexOf(':');
  const revision = Number(familyRevision.slice(colon + 1));
  return revision > 1 ? `${familyRevision.slice(0, colon)}:${revision - 1}` : undefined;
}

/**
 * The cluster and service of a task set ARN (`task-set/<cluster>/<service>/<id>`).
 * @example taskSetServiceOf('arn:aws:ecs:us-west-2:123456789012:task-set/MyCluster/MyService/ecs-svc/1234', 'f')
 */
export function taskSetServiceOf(value: string, field: string): Required<EcsServiceName> | undefined {
  const resource = ecsArnResource(value, field);
  if (resource === undefined) return undefined;
  // A task set id is `ecs-svc/<digits>`: the ARN has 4 names after task-set/.
  const parts = resourceParts(resource, 'task-set', field, [3, 4]);
  return {
    cluster: checkedName(parts[0] as string, field, 'ecs-cluster'),
    name: checkedName(parts[1] as string, field, 'ecs-service'),
  };
}

/**
 * The type of resource an ECS ARN names (`cluster`, `service`, `task-definition`, `task-set`,
 * `task`, `container-instance`, `capacity-provider`…), or undefined for a short name.
 * @example ecsArnType('arn:aws:ecs:us-east-1:123456789012:cluster/default', 'f') // 'cluster'
 */
export function ecsArnType(value: string, field: string): string | undefined {
  const resource = ecsArnResource(value, field);
  if (resource === undefined) return undefined;
  const slash = resource.indexOf('/');
  return slash === -1 ? resource : resource.slice(0, slash);
}
