import type { DeployedImageState } from './deployed-image.js';
import type { PolicyDocument } from './policy.js';
import type { ResourceBase } from './resource-base.js';

/**
 * Amazon ECS, normalised from the ECS API's shapes (DescribeClusters, DescribeServices,
 * DescribeTaskDefinition, DescribeTasks, DescribeCapacityProviders). Absent optional fields are
 * what the API left out: a check decides what absence means (CHECKS.md), the normaliser never
 * fills in a default.
 */

/** `tags` of an ECS resource, `key` → `value` (the API's `[{ key, value }]`). */
export type EcsTags = Record<string, string>;

/** A `name`/`value` pair of a container's `environment`. */
export interface EcsEnvironmentVariable {
  name: string;
  /** Absent when the API gave none. */
  value?: string;
}

/** One `containerDefinitions[]` entry of a task definition. */
export interface EcsContainer {
  name: string;
  /** The image reference as written (`repo:tag`, `registry/repo@sha256:…`); absent when the definition has none. */
  image?: string;
  /**
   * When `image` is in an ECR repository of this account and region, that repository's
   * `imageTagMutability` (`MUTABLE`, `IMMUTABLE`, …) as the reader found it; absent when the image
   * is elsewhere or the repository was not found.
   */
  ecrTagMutability?: string;
  /** The digests this container is running with in the revision's running tasks (DescribeTasks `containers[].imageDigest`). */
  runningDigests: string[];
  /** ECR state of each image this container runs (running digests, else the spec's digest or its tag's target). */
  deployedImages: DeployedImageState[];
  essential?: boolean;
  privileged?: boolean;
  readonlyRootFilesystem?: boolean;
  /** `user` as written: a name, a uid, `uid:gid`, `name:group`, `containeradministrator`… */
  user?: string;
  /** Container-level hard memory limit (MiB). */
  memory?: number;
  memoryReservation?: number;
  environment: EcsEnvironmentVariable[];
  /** `environmentFiles[]` (S3 objects): not inspected, named in messages. */
  environmentFiles: { type?: string; value?: string }[];
  /** `secrets[]`: from Secrets Manager or SSM Parameter Store, the right place for a secret. */
  secrets: { name: string; valueFrom?: string }[];
  logConfiguration?: { logDriver?: string; options: Record<string, string> };
  linuxParameters?: {
    capabilitiesAdd: string[];
    capabilitiesDrop: string[];
    initProcessEnabled?: boolean;
    maxSwap?: number;
    /** `devices[].hostPath`. */
    devices: string[];
  };
  mountPoints: { sourceVolume?: string; containerPath?: string; readOnly?: boolean }[];
}

/** One `volumes[]` entry of a task definition. */
export interface EcsVolume {
  name?: string;
  /** `host.sourcePath`: a bind mount of the container instance's file system. */
  hostSourcePath?: string;
  /** `efsVolumeConfiguration`. */
  efs?: { fileSystemId?: string; transitEncryption?: string; iam?: string };
  /** A `dockerVolumeConfiguration` is present. */
  docker?: boolean;
}

/** A role a task definition names, with the policies attached to it, for the checks that judge what it grants. */
export interface EcsTaskRole {
  /** `taskRoleArn` (what the containers call AWS with) or `executionRoleArn` (what the ECS agent pulls images and secrets with). */
  kind: 'task' | 'execution';
  arn: string;
  /**
   * The role's identity policies (managed and inline), each with its document; empty when the
   * role has none. Unreadable (IAM denied, the role gone) is the resource's `unreadable.roles`
   * (the property the role check reads, so its finding is ERROR).
   */
  policies: { name: string; arn?: string; document?: PolicyDocument }[];
}

/**
 * Why a task definition revision is assessed (CHECKS.md, "Which revisions are assessed"): the
 * latest ACTIVE revision of its family, or used by a service deployment (PRIMARY or ACTIVE), a
 * task set or a running task. A revision that is none of these is not assessed: its findings are
 * resolved.
 */
export interface EcsRevisionUse {
  latestActive: boolean;
  /** `cluster/service` of the services with a PRIMARY or ACTIVE deployment or a task set on it. */
  services: string[];
  /** Running tasks (desired RUNNING) of the revision, services' included. */
  runningTasks: number;
}

/** One task definition revision (`family:revision`). */
export interface EcsTaskDefinition extends ResourceBase<'ecs-task-definition'> {
  family: string;
  revision: number;
  /** `ACTIVE`, `INACTIVE` or `DELETE_IN_PROGRESS`. */
  status?: string;
  /** `bridge`, `host`, `awsvpc`, `none`; absent means the API default (bridge on Linux EC2). */
  networkMode?: string;
  pidMode?: string;
  ipcMode?: string;
  requiresCompatibilities: string[];
  compatibilities: string[];
  /** `runtimePlatform.operatingSystemFamily` (`LINUX`, `WINDOWS_SERVER_2022_CORE`, …); absent when not set. */
  operatingSystemFamily?: string;
  /** Task-level memory (MiB), when set. */
  memory?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  containers: EcsContainer[];
  volumes: EcsVolume[];
  /** The task and execution roles with their policies, as far as they were read. */
  roles: EcsTaskRole[];
  tags: EcsTags;
  registeredAt?: Date;
  use: EcsRevisionUse;
  /**
   * Never set: the key under which `unreadable` says why the ECR state of an image a container
   * runs could not be read (another account's registry, AccessDenied), which makes the
   * deployed-image checks (they read it) ERROR; each container's state is its `deployedImages`.
   */
  deployedImages?: never;
}

/** A service deployment or task set: what a service runs, and with what network. */
export interface EcsDeployment {
  id?: string;
  /** Deployments: `PRIMARY`, `ACTIVE`, `INACTIVE`; task sets: `PRIMARY`, `ACTIVE`, `DRAINING`. */
  status?: string;
  taskDefinitionArn?: string;
  launchType?: string;
  capacityProviders: string[];
  platformVersion?: string;
  platformFamily?: string;
  /** `networkConfiguration.awsvpcConfiguration.assignPublicIp`: `ENABLED` or `DISABLED`. */
  assignPublicIp?: string;
  runningCount?: number;
}

/** A placement constraint or strategy of a service (`memberOf` with its cluster query language expression). */
export interface EcsPlacementConstraint {
  type?: string;
  expression?: string;
}

/** An ECS service (`cluster/service`). */
export interface EcsService extends ResourceBase<'ecs-service'> {
  clusterArn: string;
  clusterName: string;
  serviceName: string;
  status?: string;
  /** `EC2`, `FARGATE`, `EXTERNAL`; absent when a capacity provider strategy is used. */
  launchType?: string;
  capacityProviderStrategy: { capacityProvider: string; weight?: number; base?: number }[];
  platformVersion?: string;
  platformFamily?: string;
  taskDefinitionArn?: string;
  assignPublicIp?: string;
  enableExecuteCommand?: boolean;
  /** `REPLICA` or `DAEMON`. */
  schedulingStrategy?: string;
  deployments: EcsDeployment[];
  /** Task sets (EXTERNAL or CODE_DEPLOY deployment controllers), as deployments with their own network. */
  taskSets: (EcsDeployment & { arn?: string })[];
  placementConstraints: EcsPlacementConstraint[];
  tags: EcsTags;
}

/** What the cluster-wide checks need of each of a cluster's services (placement and security context). */
export interface EcsServicePlacement {
  serviceName: string;
  launchType?: string;
  capacityProviders: string[];
  placementConstraints: EcsPlacementConstraint[];
  tags: EcsTags;
}

/** A capacity provider a cluster uses (DescribeCapacityProviders). */
export interface EcsCapacityProvider {
  name: string;
  arn?: string;
  /** `FARGATE`, `FARGATE_SPOT` and the like have no Auto Scaling group. */
  autoScalingGroupArn?: string;
  /** `autoScalingGroupProvider.managedTerminationProtection`: `ENABLED` or `DISABLED`. */
  managedTerminationProtection?: string;
}

/** An ECS cluster. */
export interface EcsCluster extends ResourceBase<'ecs-cluster'> {
  status?: string;
  /** `settings[]` by name (`containerInsights` → `enabled`, `enhanced` or `disabled`). */
  settings: Record<string, string>;
  /** `configuration.executeCommandConfiguration`. */
  executeCommand?: {
    /** `NONE`, `DEFAULT` or `OVERRIDE`; absent means DEFAULT. */
    logging?: string;
    kmsKeyId?: string;
    cloudWatchLogGroupName?: string;
    s3BucketName?: string;
  };
  capacityProviders: EcsCapacityProvider[];
  defaultCapacityProviderStrategy: { capacityProvider: string; weight?: number; base?: number }[];
  registeredContainerInstancesCount?: number;
  /** The cluster's services, for segregation across shared capacity. */
  services: EcsServicePlacement[];
  tags: EcsTags;
}
