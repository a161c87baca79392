import * as z from 'zod';
import { object, timestamp } from './common.js';

/**
 * The bodies of the Amazon ECS calls, as the SDK returns them and `aws ecs …` prints them: the
 * fields the readers and normalisers use are validated, everything else is allowed.
 */

const names = z.array(z.string());
const tags = z.array(object({ key: z.string().optional(), value: z.string().optional() }));
const keyValue = object({ name: z.string().optional(), value: z.string().optional() });
const failures = z.array(
  object({ arn: z.string().optional(), reason: z.string().optional(), detail: z.string().optional() }),
);
const strategy = z.array(
  object({ capacityProvider: z.string(), weight: z.number().optional(), base: z.number().optional() }),
);
const network = object({
  awsvpcConfiguration: object({ assignPublicIp: z.string().optional() }).optional(),
});
const placement = z.array(object({ type: z.string().optional(), expression: z.string().optional() }));

export const listClusters = object({ clusterArns: names });

export const describeClusters = object({
  clusters: z.array(
    object({
      clusterArn: z.string().optional(),
      clusterName: z.string().optional(),
      status: z.string().optional(),
      registeredContainerInstancesCount: z.number().optional(),
      settings: z.array(keyValue).optional(),
      configuration: object({
        executeCommandConfiguration: object({
          kmsKeyId: z.string().optional(),
          logging: z.string().optional(),
          logConfiguration: object({
            cloudWatchLogGroupName: z.string().optional(),
            s3BucketName: z.string().optional(),
          }).optional(),
        }).optional(),
      }).optional(),
      capacityProviders: names.optional(),
      defaultCapacityProviderStrategy: strategy.optional(),
      tags: tags.optional(),
    }),
  ),
  failures: failures.optional(),
});

export const describeCapacityProviders = object({
  capacityProviders: z.array(
    object({
      capacityProviderArn: z.string().optional(),
      name: z.string().optional(),
      autoScalingGroupProvider: object({
        autoScalingGroupArn: z.string().optional(),
        managedTerminationProtection: z.string().optional(),
      }).optional(),
    }),
  ),
  failures: failures.optional(),
});

export const listServices = object({ serviceArns: names });

const deployment = {
  id: z.string().optional(),
  status: z.string().optional(),
  taskDefinition: z.string().optional(),
  launchType: z.string().optional(),
  capacityProviderStrategy: strategy.optional(),
  platformVersion: z.string().optional(),
  platformFamily: z.string().optional(),
  networkConfiguration: network.optional(),
  runningCount: z.number().optional(),
};

export const describeServices = object({
  services: z.array(
    object({
      serviceArn: z.string().optional(),
      serviceName: z.string().optional(),
      clusterArn: z.string().optional(),
      status: z.string().optional(),
      launchType: z.string().optional(),
      capacityProviderStrategy: strategy.optional(),
      platformVersion: z.string().optional(),
      platformFamily: z.string().optional(),
      taskDefinition: z.string().optional(),
      networkConfiguration: network.optional(),
      enableExecuteCommand: z.boolean().optional(),
      schedulingStrategy: z.string().optional(),
      deployments: z.array(object(deployment)).optional(),
      taskSets: z.array(object({ ...deployment, taskSetArn: z.string().optional() })).optional(),
      placementConstraints: placement.optional(),
      tags: tags.optional(),
    }),
  ),
  failures: failures.optional(),
});

export const listTaskDefinitions = object({ taskDefinitionArns: names });

const container = object({
  name: z.string().optional(),
  image: z.string().optional(),
  essential: z.boolean().optional(),
  privileged: z.boolean().optional(),
  readonlyRootFilesystem: z.boolean().optional(),
  user: z.string().optional(),
  memory: z.number().optional(),
  memoryReservation: z.number().optional(),
  environment: z.array(keyValue).optional(),
  environmentFiles: z.array(object({ type: z.string().optional(), value: z.string().optional() })).optional(),
  secrets: z.array(object({ name: z.string().optional(), valueFrom: z.string().optional() })).optional(),
  logConfiguration: object({
    logDriver: z.string().optional(),
    options: z.record(z.string(), z.string()).optional(),
  }).optional(),
  linuxParameters: object({
    capabilities: object({ add: names.optional(), drop: names.optional() }).optional(),
    initProcessEnabled: z.boolean().optional(),
    maxSwap: z.number().optional(),
    devices: z.array(object({ hostPath: z.string().optional() })).optional(),
  }).optional(),
  mountPoints: z
    .array(
      object({
        sourceVolume: z.string().optional(),
        containerPath: z.string().optional(),
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
});

export const describeTaskDefinition = object({
  taskDefinition: object({
    taskDefinitionArn: z.string().optional(),
    family: z.string().optional(),
    revision: z.number().optional(),
    status: z.string().optional(),
    networkMode: z.string().optional(),
    pidMode: z.string().optional(),
    ipcMode: z.string().optional(),
    taskRoleArn: z.string().optional(),
    executionRoleArn: z.string().optional(),
    requiresCompatibilities: names.optional(),
    compatibilities: names.optional(),
    runtimePlatform: object({ operatingSystemFamily: z.string().optional() }).optional(),
    memory: z.string().optional(),
    containerDefinitions: z.array(container).optional(),
    volumes: z
      .array(
        object({
          name: z.string().optional(),
          host: object({ sourcePath: z.string().optional() }).optional(),
          efsVolumeConfiguration: object({
            fileSystemId: z.string().optional(),
            transitEncryption: z.string().optional(),
            authorizationConfig: object({ iam: z.string().optional() }).optional(),
          }).optional(),
          dockerVolumeConfiguration: object({}).optional(),
        }),
      )
      .optional(),
    registeredAt: timestamp.optional(),
  }),
  tags: tags.optional(),
});

export const listTasks = object({ taskArns: names });

export const describeTasks = object({
  tasks: z.array(
    object({
      taskArn: z.string().optional(),
      taskDefinitionArn: z.string().optional(),
      desiredStatus: z.string().optional(),
      startedBy: z.string().optional(),
      containers: z
        .array(object({ name: z.string().optional(), imageDigest: z.string().optional() }))
        .optional(),
    }),
  ),
  failures: failures.optional(),
});
