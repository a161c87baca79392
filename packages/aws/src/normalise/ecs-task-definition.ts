import type { Tag, TaskDefinition } from '@aws-sdk/client-ecs';
import type { EcsContainer, EcsRevisionUse, EcsTaskDefinition, EcsTaskRole, EcsVolume } from '@customs/core';
import { BodyWarnings, familyRevision, tagsOf } from './ecs-common.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, toDate, type Wire } from './wire.js';

/** The network modes ECS documents. */
const NETWORK_MODES = new Set(['bridge', 'host', 'awsvpc', 'none']);

/** What a task definition revision is read from. */
export interface EcsTaskDefinitionInput {
  scope: Scope;
  /** DescribeTaskDefinition `taskDefinition`. */
  taskDefinition: Wire<TaskDefinition>;
  /** DescribeTaskDefinition `tags` (include TAGS). */
  tags: Wire<Tag>[] | undefined;
  use: EcsRevisionUse;
  /** Container name → the image digests its running tasks run; unreadable when the tasks could not be read. */
  runningDigests: Known<Map<string, string[]>>;
  /** An image reference as written → its ECR repository's `imageTagMutability` (this account's ECR only). */
  ecrTagMutability: ReadonlyMap<string, string>;
  /** The task and execution roles with their policies; unreadable when IAM could not be read. */
  roles: Known<EcsTaskRole[]>;
}

/**
 * One task definition revision with its containers, volumes, roles, running digests and why it
 * is assessed. Odd input (no containers, a container without image, an unknown network mode) is
 * kept as given, with a bounded warning naming it; nothing throws.
 * @example const { resource, warnings } = normaliseEcsTaskDefinition({ scope, taskDefinition, tags: [], use, runningDigests: new Map(), ecrTagMutability: new Map(), roles: [] });
 */
export function normaliseEcsTaskDefinition(input: EcsTaskDefinitionInput): {
  resource: EcsTaskDefinition;
  warnings: string[];
} {
  const definition = input.taskDefinition;
  const parsed = familyRevision(definition.taskDefinitionArn);
  const family = definition.family ?? parsed?.family ?? '';
  const revision = definition.revision ?? parsed?.revision ?? 0;
  const name = `${family}:${revision}`;
  const where = locate(definition.taskDefinitionArn, input.scope);
  const warnings = new BodyWarnings(`ecs task definition ${name}`);
  const unreadable = new UnreadableProperties();
  const containers = (definition.containerDefinitions ?? []).map((container, index) =>
    containerOf(container, index, input, warnings, unreadable),
  );
  if (containers.length === 0) warnings.add('it has no containerDefinitions');
  const networkMode = definition.networkMode;
  if (networkMode !== undefined && !NETWORK_MODES.has(networkMode)) {
    warnings.add(`networkMode ${JSON.stringify(networkMode)} is not one ECS documents`);
  }
  if (isUnreadable(input.roles)) unreadable.add('roles', input.roles.unreadable);
  const operatingSystemFamily = definition.runtimePlatform?.operatingSystemFamily;
  const registeredAt = toDate(definition.registeredAt);
  const resource: EcsTaskDefinition = {
    type: 'ecs-task-definition',
    id:
      definition.taskDefinitionArn ??
      `arn:aws:ecs:${where.region}:${where.accountId}:task-definition/${name}`,
    name,
    ...where,
    family,
    revision,
    ...optional('status', definition.status),
    ...optional('networkMode', networkMode),
    ...optional('pidMode', definition.pidMode),
    ...optional('ipcMode', definition.ipcMode),
    requiresCompatibilities: definition.requiresCompatibilities ?? [],
    compatibilities: definition.compatibilities ?? [],
    ...optional('operatingSystemFamily', operatingSystemFamily),
    ...optional('memory', definition.memory),
    ...optional('taskRoleArn', definition.taskRoleArn),
    ...optional('executionRoleArn', definition.executionRoleArn),
    containers,
    volumes: (definition.volumes ?? []).map(volumeOf),
    roles: isUnreadable(input.roles) ? [] : (input.roles ?? []),
    tags: tagsOf(input.tags),
    ...(registeredAt ? { registeredAt } : {}),
    use: input.use,
    ...withUnreadable(unreadable),
  };
  return { resource, warnings: warnings.list };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

type ContainerWire = NonNullable<Wire<TaskDefinition>['containerDefinitions']>[number];

function containerOf(
  container: ContainerWire,
  index: number,
  input: EcsTaskDefinitionInput,
  warnings: BodyWarnings,
  unreadable: UnreadableProperties,
): EcsContainer {
  const name = container.name ?? `#${index + 1}`;
  if (container.name === undefined) warnings.add(`container #${index + 1} has no name`);
  if (container.image === undefined) warnings.add(`container ${name} has no image`);
  const digests = input.runningDigests;
  if (isUnreadable(digests)) unreadable.add('runningDigests', digests.unreadable);
  const mutability = container.image === undefined ? undefined : input.ecrTagMutability.get(container.image);
  const linux = container.linuxParameters;
  const log = container.logConfiguration;
  return {
    name,
    ...optional('image', container.image),
    ...optional('ecrTagMutability', mutability),
    runningDigests: isUnreadable(digests) ? [] : (digests?.get(name) ?? []),
    // the reader sets what ECR says of each (read-deployed-images.ts)
    deployedImages: [],
    ...optional('essential', container.essential),
    ...optional('privileged', container.privileged),
    ...optional('readonlyRootFilesystem', container.readonlyRootFilesystem),
    ...optional('user', container.user),
    ...optional('memory', container.memory),
    ...optional('memoryReservation', container.memoryReservation),
    environment: (container.environment ?? []).map((variable) => ({
      name: variable.name ?? '',
      ...optional('value', variable.value),
    })),
    environmentFiles: (container.environmentFiles ?? []).map((file) => ({
      ...optional('type', file.type),
      ...optional('value', file.value),
    })),
    secrets: (container.secrets ?? []).map((secret) => ({
      name: secret.name ?? '',
      ...optional('valueFrom', secret.valueFrom),
    })),
    ...(log
      ? { logConfiguration: { ...optional('logDriver', log.logDriver), options: stringsOf(log.options) } }
      : {}),
    ...(linux
      ? {
          linuxParameters: {
            capabilitiesAdd: linux.capabilities?.add ?? [],
            capabilitiesDrop: linux.capabilities?.drop ?? [],
            ...optional('initProcessEnabled', linux.initProcessEnabled),
            ...optional('maxSwap', linux.maxSwap),
            devices: (linux.devices ?? []).flatMap((device) => (device.hostPath ? [device.hostPath] : [])),
          },
        }
      : {}),
    mountPoints: (container.mountPoints ?? []).map((mount) => ({
      ...optional('sourceVolume', mount.sourceVolume),
      ...optional('containerPath', mount.containerPath),
      ...optional('readOnly', mount.readOnly),
    })),
  };
}

function volumeOf(volume: NonNullable<Wire<TaskDefinition>['volumes']>[number]): EcsVolume {
  const efs = volume.efsVolumeConfiguration;
  return {
    ...optional('name', volume.name),
    ...optional('hostSourcePath', volume.host?.sourcePath),
    ...(efs
      ? {
          efs: {
            ...optional('fileSystemId', efs.fileSystemId),
            ...optional('transitEncryption', efs.transitEncryption),
            ...optional('iam', efs.authorizationConfig?.iam),
          },
        }
      : {}),
    ...(volume.dockerVolumeConfiguration ? { docker: true } : {}),
  };
}

function stringsOf(options: Record<string, string | undefined> | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of Object.entries(options ?? {}))
    if (typeof value === 'string') record[key] = value;
  return record;
}
