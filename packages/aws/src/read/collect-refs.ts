import { isGlobalType, needsParent, type ResourceRef, type Service, serviceOf } from '@customs/core';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import { readEcsClusterRef, readEcsServiceRef, readRevisionRef } from './collect-ecs.js';
import type { ReadContext } from './context.js';
import { iamRefOutcome } from './iam-ref.js';
import { describeImages, listRepositories, readRegistry, readRepositories } from './read-ecr.js';
import {
  describeCluster,
  describeNodegroup,
  listAccessEntriesOf,
  listNodegroups,
  readAccessEntry,
  readCluster,
  readNodegroup,
} from './read-eks.js';
import { iamPolicies, iamRoles, readIamAccount, readIamDetails, readIamUsers } from './read-iam.js';
import { readK8sClusterRef, readK8sNamespaceRef, readK8sWorkloadRef } from './read-k8s-refs.js';
import { readRepositoryImages } from './read-repository-images.js';
import { found, MISSING, type RefOutcome } from './ref-outcome.js';

/** Where the refs are read: what messages call the source, and whether it reads the global services. */
export interface RefReach {
  /** `the collector`, `the snapshot`: whose account and region a ref is compared with. */
  label: string;
  /** Whether this collector reads the global services (IAM); else their refs are skipped. */
  readsGlobal: boolean;
}

/** Not found is `missing`; unreadable (access denied, not recorded) is skipped, since existence is unknown. */
async function whenPresent<T>(
  value: Known<T>,
  then: (present: T) => Promise<RefOutcome>,
): Promise<RefOutcome> {
  if (value === undefined) return MISSING;
  if (isUnreadable(value)) return { skipped: value.unreadable };
  return then(value);
}

/** Re-reads a ref of one service's types (its parent, when the type has one, given). */
export type RefReader = (context: ReadContext, ref: ResourceRef, parent: string) => Promise<RefOutcome>;

/**
 * Re-reads the resource a ref names with targeted calls (DescribeRepositories of one name,
 * DescribeImages of one digest, DescribeCluster…), plus what its change re-assesses: an IAM
 * user's or role's inline policies, the users and roles a managed policy is attached to. The
 * reading is `readers[service]`'s: a collector without its service's reader throws (a function
 * given an event it was not built to read: the event is retried, then kept in its DLQ).
 */
export async function collectRef(
  context: ReadContext,
  ref: ResourceRef,
  reach: RefReach,
  readers: Partial<Record<Service, RefReader>>,
): Promise<RefOutcome> {
  const { scope } = context;
  if (ref.accountId && ref.accountId !== scope.accountId) {
    return { skipped: `account ${ref.accountId} is not ${reach.label}'s (${scope.accountId})` };
  }
  const global = isGlobalType(ref.type);
  if (global && !reach.readsGlobal) {
    return { skipped: `${serviceOf(ref.type).toUpperCase()} is read by the collector of another region` };
  }
  if (ref.region && ref.region !== scope.region && !global) {
    return { skipped: `region ${ref.region} is not ${reach.label}'s (${scope.region})` };
  }
  if (needsParent(ref.type) && !ref.parent) return { skipped: `a ${ref.type} ref needs its parent` };
  const service = serviceOf(ref.type);
  const read = readers[service];
  if (!read) {
    const held = Object.keys(readers).join(', ') || 'none';
    throw new Error(`${reach.label} reads no ${service} (a ${ref.type} ref); its services: ${held}`);
  }
  return read(context, ref, ref.parent ?? '');
}

/** An ECR ref: the registry, a repository, or an image with its repository. */
export async function readEcrRef(
  context: ReadContext,
  ref: ResourceRef,
  parent: string,
): Promise<RefOutcome> {
  switch (ref.type) {
    case 'ecr-registry':
      return ref.name === context.scope.accountId ? found([await readRegistry(context)]) : MISSING;
    case 'ecr-repository':
      return whenPresent(await listRepositories(context, ref.name), async (repositories) =>
        found(await readRepositories(context, repositories, false)),
      );
    case 'ecr-image':
      return whenPresent(await listRepositories(context, parent), async ([repository]) =>
        repository
          ? whenPresent(await describeImages(context, parent, ref.name), async (details) =>
              found(await readRepositoryImages(context, repository, details, false)),
            )
          : MISSING,
      );
    default:
      return notOf('ECR', ref);
  }
}

/** An EKS ref: a cluster with its nodegroups' names, a nodegroup, or an access entry. */
export async function readEksRef(
  context: ReadContext,
  ref: ResourceRef,
  parent: string,
): Promise<RefOutcome> {
  switch (ref.type) {
    case 'eks-cluster':
      return whenPresent(await describeCluster(context, ref.name), async (cluster) =>
        found([await readCluster(context, cluster, await listNodegroups(context, ref.name))]),
      );
    case 'eks-nodegroup':
      return whenPresent(await describeNodegroup(context, parent, ref.name), async (nodegroup) =>
        found([await readNodegroup(context, nodegroup)]),
      );
    case 'eks-access-entry':
      return collectAccessEntryRef(context, parent, ref.name);
    default:
      return notOf('EKS', ref);
  }
}

/** An IAM ref: a principal or policy with what its change re-assesses, or the account. */
export async function readIamRef(context: ReadContext, ref: ResourceRef): Promise<RefOutcome> {
  switch (ref.type) {
    case 'iam-user':
    case 'iam-role':
    case 'iam-policy':
      return whenPresent(await readIamDetails(context), (details) =>
        iamRefOutcome(ref, {
          details,
          policies: iamPolicies(context, details),
          users: (names) => readIamUsers(context, details, names),
          roles: (names) => iamRoles(context, details, names),
        }),
      );
    case 'iam-account':
      return ref.name === context.scope.accountId ? found([await readIamAccount(context)]) : MISSING;
    default:
      return notOf('IAM', ref);
  }
}

/** An ECS ref: a cluster, a service, or a task definition revision. */
export async function readEcsRef(
  context: ReadContext,
  ref: ResourceRef,
  parent: string,
): Promise<RefOutcome> {
  switch (ref.type) {
    case 'ecs-cluster':
      return whenPresent(await readEcsClusterRef(context, ref.name), async (cluster) => found([cluster]));
    case 'ecs-service':
      return whenPresent(await readEcsServiceRef(context, parent, ref.name), async (service) =>
        found([service]),
      );
    case 'ecs-task-definition': {
      const outcome = await readRevisionRef(context, ref.name);
      return 'resource' in outcome ? found([outcome.resource]) : outcome;
    }
    default:
      return notOf('ECS', ref);
  }
}

/** A Kubernetes ref: a cluster's API, a namespace, or a workload. */
export async function readK8sRef(
  context: ReadContext,
  ref: ResourceRef,
  parent: string,
): Promise<RefOutcome> {
  switch (ref.type) {
    case 'k8s-cluster':
      return readK8sClusterRef(context, ref.name);
    case 'k8s-namespace':
      return readK8sNamespaceRef(context, parent, ref.name);
    case 'k8s-workload':
      return readK8sWorkloadRef(context, parent, ref.name);
    default:
      return notOf('Kubernetes', ref);
  }
}

/** A ref given to another service's reader (collectRef dispatches by `serviceOf`: never in practice). */
function notOf(service: string, ref: ResourceRef): RefOutcome {
  return { skipped: `a ${ref.type} ref is not read by the ${service} reader` };
}

/**
 * An access entry: DescribeAccessEntry tells whether it exists; when it cannot (it failed, or a
 * snapshot did not record it), ListAccessEntries does. Denied, the ref is skipped.
 */
async function collectAccessEntryRef(
  context: ReadContext,
  clusterName: string,
  principalArn: string,
): Promise<RefOutcome> {
  const entry = await readAccessEntry(context, clusterName, principalArn);
  if (entry === undefined) return MISSING;
  const reason = entry.unreadable?.entryType;
  if (reason?.startsWith('AccessDenied')) return { skipped: reason };
  if (reason !== undefined) {
    const listed = await listAccessEntriesOf(context, clusterName);
    if (listed === undefined || (!isUnreadable(listed) && !listed.includes(principalArn))) return MISSING;
  }
  return found([entry]);
}
