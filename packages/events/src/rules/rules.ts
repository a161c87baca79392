import {
  EVENTBRIDGE_SERVICES,
  type EventBridgeService,
  type EventHandlerName,
  SERVICES,
} from '@customs/core';
import type { EventPattern } from '../pattern/index.js';
import { CLOUDTRAIL_CALLS } from '../refs/cloudtrail-calls.js';
import { ECS_EVENTS } from './ecs-events.js';

/** One EventBridge rule: the single source of its pattern for the deployed infra and the local bus. */
export interface EventRule {
  /** `customs-<service>`. */
  name: string;
  service: EventBridgeService;
  handler: EventHandlerName;
  description: string;
  pattern: EventPattern;
  /** A global service's CloudTrail events are delivered in its home region only (IAM's: us-east-1). */
  deliveredIn?: string;
}

/** What a service's rule routes besides its CloudTrail calls (CLOUDTRAIL_CALLS). */
interface ServiceRoute {
  description: string;
  /** The service's own EventBridge events (and others about its resources), before its calls. */
  events?: EventPattern[];
}

/**
 * Per service whose changes arrive on EventBridge, its rule's description and the events it
 * routes besides CloudTrail's. A new service adds its route here (and its calls in
 * CLOUDTRAIL_CALLS). The audit-log services (k8s) have no rule: a CloudWatch Logs subscription
 * delivers their events (packages/events/src/audit).
 */
const ROUTES: Record<EventBridgeService, ServiceRoute> = {
  // ECR image pushes, deletions and scans, Inspector2 scans and findings on ECR images.
  ecr: {
    description: 'ECR image actions and scans, Inspector2 ECR scans and findings, ECR configuration changes',
    events: [
      {
        source: ['aws.ecr'],
        'detail-type': ['ECR Image Action'],
        detail: { 'action-type': ['PUSH', 'DELETE'], result: ['SUCCESS'] },
      },
      { source: ['aws.ecr'], 'detail-type': ['ECR Image Scan', 'ECR Scan Resource Change'] },
      { source: ['aws.inspector2'], 'detail-type': ['Inspector2 Scan'] },
      {
        source: ['aws.inspector2'],
        'detail-type': ['Inspector2 Finding'],
        detail: { resources: { type: ['AWS_ECR_CONTAINER_IMAGE'] } },
      },
    ],
  },
  eks: { description: 'EKS cluster, nodegroup, Fargate profile and access entry changes (CloudTrail)' },
  // Tasks no service started, running; deployments and task sets that change what a service runs.
  ecs: {
    description:
      'ECS standalone tasks running, service deployments and task sets, task definition, service and cluster changes (CloudTrail)',
    events: ECS_EVENTS,
  },
  iam: {
    description: 'IAM user, role, policy, MFA and access key changes (CloudTrail, delivered in us-east-1)',
  },
};

const succeeded: EventPattern = { errorCode: [{ exists: false }] };

/** The service's successful CloudTrail calls among those that change what a check reads. */
function cloudTrail(service: EventBridgeService): EventPattern {
  const { eventSource, cloudTrailSource } = SERVICES[service];
  return {
    source: [eventSource],
    'detail-type': ['AWS API Call via CloudTrail'],
    detail: {
      eventSource: [cloudTrailSource],
      eventName: Object.keys(CLOUDTRAIL_CALLS[service]).sort(),
      ...succeeded,
    },
  };
}

function ruleOf(service: EventBridgeService): EventRule {
  const info: { handler: EventHandlerName; scope: string; homeRegion?: string } = SERVICES[service];
  const route = ROUTES[service];
  const patterns = [...(route.events ?? []), cloudTrail(service)];
  return {
    name: `customs-${service}`,
    service,
    handler: info.handler,
    description: route.description,
    pattern: patterns.length === 1 ? (patterns[0] as EventPattern) : { $or: patterns },
    ...(info.scope === 'global' && info.homeRegion ? { deliveredIn: info.homeRegion } : {}),
  };
}

/**
 * The rule of each EventBridge service, routing its events to its handler.
 * @example SERVICE_RULES.eks.handler // 'on-eks-event'
 */
export const SERVICE_RULES = Object.fromEntries(
  EVENTBRIDGE_SERVICES.map((service) => [service, ruleOf(service)]),
) as Record<EventBridgeService, EventRule>;

/** Every rule, one per EventBridge service and handler, in the order of SERVICES. */
export const EVENT_RULES: readonly EventRule[] = EVENTBRIDGE_SERVICES.map(
  (service) => SERVICE_RULES[service],
);
