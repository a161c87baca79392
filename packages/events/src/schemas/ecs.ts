import * as z from 'zod';

/**
 * `aws.ecs` "ECS Task State Change": the task's `detail` mirrors DescribeTasks (ISO timestamps).
 * `startedBy` is absent for a task run without it; a service's tasks carry `ecs-svc/<id>`.
 */
export const ecsTaskStateChangeDetail = z.object({
  clusterArn: z.string().min(1),
  taskDefinitionArn: z.string().min(1),
  lastStatus: z.string(),
  desiredStatus: z.string().optional(),
  startedBy: z.string().optional(),
  taskArn: z.string().optional(),
});

/**
 * `aws.ecs` "ECS Deployment State Change". It names no cluster: the service ARN in the envelope's
 * `resources[]` does (`service/<cluster>/<name>`).
 */
export const ecsDeploymentStateChangeDetail = z.object({
  eventName: z.string().min(1),
  eventType: z.string().optional(),
  deploymentId: z.string().optional(),
});

/** `aws.ecs` "ECS Service Action": the service is in `resources[]`, its cluster in `clusterArn`. */
export const ecsServiceActionDetail = z.object({
  eventName: z.string().min(1),
  eventType: z.string().optional(),
  clusterArn: z.string().min(1).optional(),
});
