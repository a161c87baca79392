import type { EventPattern } from '../pattern/index.js';

/**
 * The `aws.ecs` events that change what runs, each routed to on-ecs-event (packages/events
 * README, "Amazon ECS"):
 * - "ECS Task State Change" of a task running (`lastStatus` and `desiredStatus` RUNNING: not one
 *   stopping) that no service started (`startedBy` absent, or not `ecs-svc/…`): scheduled and
 *   batch tasks. A service's tasks run its deployments' revisions, which its deployment events and
 *   CloudTrail calls announce; they are most of an account's task events, and are left out here.
 * - "ECS Deployment State Change" `SERVICE_DEPLOYMENT_IN_PROGRESS` (a new or rollback deployment
 *   starts running its revision) and `SERVICE_DEPLOYMENT_COMPLETED` (the old deployments are gone);
 *   not `SERVICE_DEPLOYMENT_FAILED`: a failed deployment launches no new task and its rollback
 *   announces itself as IN_PROGRESS.
 * - "ECS Service Action" `TASKSET_STEADY_STATE` (a task set of an external or CodeDeploy
 *   deployment reached its count) and the deployment names it also carries; not the steady states
 *   ECS reports periodically, placement failures, impaired starts or throttling, which change
 *   nothing a check reads.
 */
export const ECS_EVENTS: EventPattern[] = [
  {
    source: ['aws.ecs'],
    'detail-type': ['ECS Task State Change'],
    detail: {
      lastStatus: ['RUNNING'],
      desiredStatus: ['RUNNING'],
      $or: [{ startedBy: [{ exists: false }] }, { startedBy: [{ 'anything-but': { prefix: 'ecs-svc/' } }] }],
    },
  },
  {
    source: ['aws.ecs'],
    'detail-type': ['ECS Deployment State Change'],
    detail: { eventName: ['SERVICE_DEPLOYMENT_IN_PROGRESS', 'SERVICE_DEPLOYMENT_COMPLETED'] },
  },
  {
    source: ['aws.ecs'],
    'detail-type': ['ECS Service Action'],
    detail: {
      eventName: ['TASKSET_STEADY_STATE', 'SERVICE_DEPLOYMENT_IN_PROGRESS', 'SERVICE_DEPLOYMENT_COMPLETED'],
    },
  },
];
