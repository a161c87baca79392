import type { Task } from '@aws-sdk/client-ecs';
import {
  type EcsRevisionUse,
  type EcsService,
  type EcsTaskDefinition,
  ecrRegistryHost,
  parseImageReference,
} from '@customs/core';
import { familyRevision, lastName } from '../normalise/ecs-common.js';
import { revisionsInUse } from '../normalise/ecs-service.js';
import { normaliseEcsTaskDefinition } from '../normalise/ecs-task-definition.js';
import { unreadableTaskDefinition } from '../normalise/ecs-unreadable.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import type { ReadContext } from './context.js';
import { listRepositories } from './read-ecr.js';
import { describeTaskDefinition } from './read-ecs.js';
import { readTaskRoles } from './read-ecs-roles.js';

/**
 * Which revisions are assessed (CHECKS.md, "Which revisions are assessed"): the latest ACTIVE
 * revision of every family, plus every revision a service deployment (PRIMARY or ACTIVE), a task
 * set (not DRAINING) or a task desired RUNNING uses. Revisions are named `family:revision`.
 */
export interface RevisionUses {
  /** The latest ACTIVE revision of each family listed. */
  latest: Set<string>;
  /** Revision → `cluster/service` of the services using it. */
  services: Map<string, string[]>;
  /** Revision → its tasks desired RUNNING. */
  tasks: Map<string, Wire<Task>[]>;
  /** Why the running tasks are not fully known (a cluster's ListTasks or DescribeTasks failed). */
  tasksUnknown?: string;
}

/** The latest revision of each family among `family:revision` names. */
export function latestRevisions(revisions: readonly string[]): Set<string> {
  const latest = new Map<string, number>();
  for (const name of revisions) {
    const parsed = familyRevision(name);
    if (parsed && parsed.revision > (latest.get(parsed.family) ?? 0))
      latest.set(parsed.family, parsed.revision);
  }
  return new Set([...latest].map(([family, revision]) => `${family}:${revision}`));
}

/** What uses each revision, from the services and running tasks read. */
export function revisionUses(
  latest: Set<string>,
  services: readonly EcsService[],
  tasks: Known<Wire<Task>[]>[],
): RevisionUses {
  const uses: RevisionUses = { latest, services: new Map(), tasks: new Map() };
  for (const service of services) {
    for (const arn of revisionsInUse(service)) {
      const name = lastName(arn);
      uses.services.set(name, [...(uses.services.get(name) ?? []), service.name]);
    }
  }
  for (const known of tasks) {
    if (isUnreadable(known)) {
      uses.tasksUnknown ??= known.unreadable;
      continue;
    }
    for (const task of known ?? []) {
      const name = lastName(task.taskDefinitionArn ?? '');
      if (name) uses.tasks.set(name, [...(uses.tasks.get(name) ?? []), task]);
    }
  }
  return uses;
}

/** Every revision that is assessed, sorted. */
export function assessedRevisions(uses: RevisionUses): string[] {
  return [...new Set([...uses.latest, ...uses.services.keys(), ...uses.tasks.keys()])].sort();
}

/** Why a revision is assessed; `inUse` false when nothing at all makes it so. */
export function useOf(uses: RevisionUses, name: string): { use: EcsRevisionUse; inUse: boolean } {
  const use = {
    latestActive: uses.latest.has(name),
    services: uses.services.get(name) ?? [],
    runningTasks: uses.tasks.get(name)?.length ?? 0,
  };
  return { use, inUse: use.latestActive || use.services.length > 0 || use.runningTasks > 0 };
}

/** Container name → the distinct image digests the revision's running tasks run. */
function runningDigests(tasks: readonly Wire<Task>[]): Map<string, string[]> {
  const digests = new Map<string, Set<string>>();
  for (const task of tasks) {
    for (const container of task.containers ?? []) {
      if (!container.name || !container.imageDigest) continue;
      const set = digests.get(container.name) ?? new Set<string>();
      set.add(container.imageDigest);
      digests.set(container.name, set);
    }
  }
  return new Map([...digests].map(([name, set]) => [name, [...set].sort()]));
}

/**
 * The tag mutability of the images in this account's and region's ECR: the sweep looks them up
 * in the region's repository listing (the one the ECR sweep reads, so no extra call), a ref asks
 * DescribeRepositories for each distinct repository by name. Both are made once per read.
 */
export async function tagMutability(
  context: ReadContext,
  images: readonly string[],
  sweep: boolean,
): Promise<{ mutability: Map<string, string>; unknown?: string }> {
  const mutability = new Map<string, string>();
  const repositoryOf = new Map<string, string>();
  for (const image of images) {
    const parsed = parseImageReference(image);
    if (!parsed.ok) continue;
    const host = ecrRegistryHost(parsed.reference.registry);
    if (host?.accountId === context.scope.accountId && host.region === context.scope.region) {
      repositoryOf.set(image, parsed.reference.repository);
    }
  }
  if (repositoryOf.size === 0) return { mutability };
  const names = [...new Set(repositoryOf.values())];
  const listed = sweep
    ? [await listRepositories(context)]
    : await Promise.all(names.map((name) => listRepositories(context, name)));
  const found = new Map<string, string>();
  let unknown: string | undefined;
  for (const entries of listed) {
    if (isUnreadable(entries)) unknown ??= entries.unreadable;
    else
      for (const entry of entries ?? [])
        found.set(entry.repositoryName ?? '', entry.imageTagMutability ?? '');
  }
  for (const [image, repository] of repositoryOf) {
    const value = found.get(repository);
    if (value) mutability.set(image, value);
  }
  return { mutability, ...(unknown ? { unknown } : {}) };
}

/**
 * One assessed revision: DescribeTaskDefinition (an INACTIVE revision still answers while a
 * service or task references it), its roles, its running tasks' digests and its images' tag
 * mutability; undefined when ECS cannot describe it; every property unreadable when the call
 * was denied or failed.
 */
export async function readTaskDefinition(
  context: ReadContext,
  name: string,
  use: EcsRevisionUse,
  tasks: Known<Wire<Task>[]>,
  sweep: boolean,
): Promise<EcsTaskDefinition | undefined> {
  const body = await describeTaskDefinition(context, name);
  // assessed but not described (denied, a service error): it exists, so its checks report ERROR
  if (isUnreadable(body)) return unreadableTaskDefinition(context.scope, name, use, body.unreadable);
  if (body === undefined || !body.taskDefinition) return undefined;
  const definition = body.taskDefinition;
  const images = (definition.containerDefinitions ?? []).flatMap((c) => (c.image ? [c.image] : []));
  const [roles, ecr] = await Promise.all([
    readTaskRoles(context, {
      ...(definition.taskRoleArn ? { task: definition.taskRoleArn } : {}),
      ...(definition.executionRoleArn ? { execution: definition.executionRoleArn } : {}),
    }),
    tagMutability(context, images, sweep),
  ]);
  const { resource, warnings } = normaliseEcsTaskDefinition({
    scope: context.scope,
    taskDefinition: definition,
    tags: body.tags,
    use,
    runningDigests: isUnreadable(tasks) ? tasks : runningDigests(tasks ?? []),
    ecrTagMutability: ecr.mutability,
    roles,
  });
  for (const warning of warnings) context.session.warn(warning);
  if (ecr.unknown) resource.unreadable = { ...resource.unreadable, ecrTagMutability: ecr.unknown };
  return resource;
}
