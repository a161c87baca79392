import type { ResourceRef } from '@customs/core';
import { checkedName } from './arn.js';
import { clusterNameOf, ecsArnType, serviceNameOf, taskDefinitionOf } from './ecs-names.js';

type Ref = Omit<ResourceRef, 'accountId' | 'region'>;

/**
 * A task running (ECS Task State Change): its revision is in use by a running task, and its
 * cluster runs it. The rule routes only tasks no service started (a service's tasks run the
 * revisions of its deployments, which its own events announce).
 * @example ecsTaskRefs({ clusterArn: '…:cluster/FargateCluster', taskDefinitionArn: '…:task-definition/sample-fargate:1' })
 */
export function ecsTaskRefs(detail: { clusterArn: string; taskDefinitionArn: string }): Ref[] {
  const revision = taskDefinitionOf(detail.taskDefinitionArn, 'detail.taskDefinitionArn');
  const cluster = clusterNameOf(detail.clusterArn, 'detail.clusterArn');
  return [
    ...(revision ? [{ type: 'ecs-task-definition' as const, name: revision }] : []),
    { type: 'ecs-cluster', name: cluster },
  ];
}

/**
 * The services an ECS deployment or service action names: each service ARN of the envelope's
 * `resources[]` (other ARNs are skipped). The old ARN form (`service/<name>`) names no cluster:
 * `clusterArn` names it where the event has one (service actions); a deployment event with an
 * old-form ARN names no resource it can be read by (the daily sweep reads it).
 * @example ecsServiceRefs(['arn:aws:ecs:us-west-2:111122223333:service/default/servicetest']) // the service default/servicetest
 */
export function ecsServiceRefs(resources: readonly string[], clusterArn?: string): Ref[] {
  const fallback = clusterArn === undefined ? undefined : clusterNameOf(clusterArn, 'detail.clusterArn');
  return resources.flatMap((arn, index): Ref[] => {
    const field = `resources.${index}`;
    checkedName(arn, field, 'arn');
    if (arn.split(':')[2] !== 'ecs' || ecsArnType(arn, field) !== 'service') return [];
    const named = serviceNameOf(arn, field);
    const parent = named.cluster ?? fallback;
    return parent ? [{ type: 'ecs-service', name: named.name, parent }] : [];
  });
}
