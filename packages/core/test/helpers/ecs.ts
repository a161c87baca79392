import type {
  EcsCluster,
  EcsContainer,
  EcsService,
  EcsServicePlacement,
  EcsTaskDefinition,
} from '../../src/types/ecs.js';

/**
 * ECS builders whose values come from AWS's documented CLI outputs
 * (/work/shared/aws-samples/cli/ecs: describe-task-definition, describe-services, describe-clusters-1,
 * describe-task-sets), normalised the way the readers do: absent fields stay absent.
 */
/** describe-task-definition's account and region. */
const ACCOUNT = '012345678910';
const REGION = 'us-east-1';
/** describe-services' and describe-clusters' account. */
const SERVICE_ACCOUNT = '123456789012';

/** A container of `aws ecs describe-task-definition --task-definition hello_world:8` (`wordpress`), normalised. */
export function ecsContainer(overrides: Partial<EcsContainer> = {}): EcsContainer {
  return {
    name: 'wordpress',
    image: 'wordpress',
    runningDigests: [],
    deployedImages: [],
    essential: true,
    memory: 500,
    environment: [],
    environmentFiles: [],
    secrets: [],
    mountPoints: [],
    ...overrides,
  };
}

/**
 * `aws ecs describe-task-definition --task-definition hello_world:8`, normalised: its two containers
 * (`wordpress`, and `mysql` with `MYSQL_ROOT_PASSWORD`), no network mode (bridge by default), the
 * latest ACTIVE revision of its family, used by nothing else.
 */
export function sampleTaskDefinition(overrides: Partial<EcsTaskDefinition> = {}): EcsTaskDefinition {
  const family = overrides.family ?? 'hello_world';
  const revision = overrides.revision ?? 8;
  return {
    type: 'ecs-task-definition',
    id: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`,
    name: `${family}:${revision}`,
    accountId: ACCOUNT,
    region: REGION,
    family,
    revision,
    status: 'ACTIVE',
    requiresCompatibilities: [],
    compatibilities: ['EXTERNAL', 'EC2'],
    containers: [
      ecsContainer(),
      ecsContainer({
        name: 'mysql',
        image: 'mysql',
        environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }],
      }),
    ],
    volumes: [],
    roles: [],
    tags: {},
    registeredAt: new Date('2024-06-21T11:15:12.669-05:00'),
    use: { latestActive: true, services: [], runningTasks: 0 },
    ...overrides,
  };
}

/**
 * `aws ecs describe-services --services my-http-service` (cluster `default`), normalised: an EC2
 * service (no launch type or network configuration in the sample) with one PRIMARY deployment.
 */
export function sampleService(overrides: Partial<EcsService> = {}): EcsService {
  const clusterName = overrides.clusterName ?? 'default';
  const serviceName = overrides.serviceName ?? 'my-http-service';
  const taskDefinitionArn = `arn:aws:ecs:us-west-2:${SERVICE_ACCOUNT}:task-definition/amazon-ecs-sample:1`;
  return {
    type: 'ecs-service',
    id: `arn:aws:ecs:us-west-2:${SERVICE_ACCOUNT}:service/${clusterName}/${serviceName}`,
    name: `${clusterName}/${serviceName}`,
    accountId: SERVICE_ACCOUNT,
    region: 'us-west-2',
    clusterArn: `arn:aws:ecs:us-west-2:${SERVICE_ACCOUNT}:cluster/${clusterName}`,
    clusterName,
    serviceName,
    status: 'ACTIVE',
    capacityProviderStrategy: [],
    taskDefinitionArn,
    deployments: [
      {
        id: 'ecs-svc/1234567890123456789',
        status: 'PRIMARY',
        taskDefinitionArn,
        capacityProviders: [],
        runningCount: 10,
      },
    ],
    taskSets: [],
    placementConstraints: [],
    tags: {},
    ...overrides,
  };
}

/** One service of a cluster as the cluster-wide checks see it. */
export function servicePlacement(overrides: Partial<EcsServicePlacement> = {}): EcsServicePlacement {
  return {
    serviceName: 'my-http-service',
    launchType: 'EC2',
    capacityProviders: [],
    placementConstraints: [],
    tags: {},
    ...overrides,
  };
}

/**
 * `aws ecs describe-clusters --cluster default` (describe-clusters-1.json), normalised: no settings
 * (Container Insights unset), no exec configuration, no capacity providers.
 */
export function sampleCluster(overrides: Partial<EcsCluster> = {}): EcsCluster {
  const name = overrides.name ?? 'default';
  return {
    type: 'ecs-cluster',
    id: `arn:aws:ecs:us-west-2:${SERVICE_ACCOUNT}:cluster/${name}`,
    name,
    accountId: SERVICE_ACCOUNT,
    region: 'us-west-2',
    status: 'ACTIVE',
    settings: {},
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
    registeredContainerInstancesCount: 0,
    services: [],
    tags: {},
    ...overrides,
  };
}
