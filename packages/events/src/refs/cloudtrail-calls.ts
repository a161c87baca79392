import type { EventBridgeService, ResourceRef } from '@customs/core';
import { EVENTBRIDGE_SERVICES, SERVICES } from '@customs/core';
import type { CloudTrailDetail } from '../schemas/cloudtrail.js';
import { ECR_CALLS } from './cloudtrail-ecr.js';
import { ECS_CALLS } from './cloudtrail-ecs.js';
import { EKS_CALLS } from './cloudtrail-eks.js';
import { IAM_CALLS } from './cloudtrail-iam.js';

/** The refs one CloudTrail call names, before the event's account and region are added. */
export type CallRefs = (
  detail: CloudTrailDetail,
  accountId: string,
) => Omit<ResourceRef, 'accountId' | 'region'>[];

/**
 * Per EventBridge service, the API calls that change what a check reads and what each
 * re-assesses: the `eventName`s its rule routes (rules.ts) and how the event names the resources.
 * A new service adds its table here (the audit-log services have no CloudTrail source).
 * @example CLOUDTRAIL_CALLS.eks.CreateNodegroup // refs of the nodegroup and its cluster
 */
export const CLOUDTRAIL_CALLS: Record<EventBridgeService, Record<string, CallRefs>> = {
  ecr: ECR_CALLS,
  eks: EKS_CALLS,
  ecs: ECS_CALLS,
  iam: IAM_CALLS,
};

/** The calls of each service, by the CloudTrail `eventSource` of its calls (`eks.amazonaws.com`). */
export const CALLS_BY_CLOUDTRAIL_SOURCE: Readonly<Record<string, Record<string, CallRefs>>> =
  Object.fromEntries(
    EVENTBRIDGE_SERVICES.map((service) => [SERVICES[service].cloudTrailSource, CLOUDTRAIL_CALLS[service]]),
  );
