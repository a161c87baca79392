import type { EventPattern } from '../pattern/index.js';
import { ECR_CALLS } from '../refs/cloudtrail-ecr.js';
import { EKS_CALLS } from '../refs/cloudtrail-eks.js';
import { IAM_CALLS } from '../refs/cloudtrail-iam.js';

/** The handlers events are routed to. */
export type EventHandlerName = 'on-ecr-event' | 'on-eks-event' | 'on-iam-event';

/** One EventBridge rule: the single source of its pattern for the deployed infra and the local bus. */
export interface EventRule {
  name: string;
  handler: EventHandlerName;
  description: string;
  pattern: EventPattern;
  /** IAM is a global service: its CloudTrail events are delivered in us-east-1 only. */
  deliveredIn?: 'us-east-1';
}

const succeeded: EventPattern = { errorCode: [{ exists: false }] };

function cloudTrail(source: string, eventSource: string, calls: Record<string, unknown>): EventPattern {
  return {
    source: [source],
    'detail-type': ['AWS API Call via CloudTrail'],
    detail: { eventSource: [eventSource], eventName: Object.keys(calls).sort(), ...succeeded },
  };
}

/** ECR image pushes, deletions and scans, Inspector2 scans and findings on ECR images, ECR configuration calls. */
export const ECR_RULE: EventRule = {
  name: 'customs-ecr',
  handler: 'on-ecr-event',
  description: 'ECR image actions and scans, Inspector2 ECR scans and findings, ECR configuration changes',
  pattern: {
    $or: [
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
      cloudTrail('aws.ecr', 'ecr.amazonaws.com', ECR_CALLS),
    ],
  },
};

/** EKS cluster, nodegroup, Fargate profile and access entry changes seen by CloudTrail. */
export const EKS_RULE: EventRule = {
  name: 'customs-eks',
  handler: 'on-eks-event',
  description: 'EKS cluster, nodegroup, Fargate profile and access entry changes (CloudTrail)',
  pattern: cloudTrail('aws.eks', 'eks.amazonaws.com', EKS_CALLS),
};

/** IAM user, role, policy, MFA and access-key changes seen by CloudTrail (us-east-1 only). */
export const IAM_RULE: EventRule = {
  name: 'customs-iam',
  handler: 'on-iam-event',
  description: 'IAM user, role, policy, MFA and access key changes (CloudTrail, delivered in us-east-1)',
  pattern: cloudTrail('aws.iam', 'iam.amazonaws.com', IAM_CALLS),
  deliveredIn: 'us-east-1',
};

/** Every rule, one per handler. */
export const EVENT_RULES: readonly EventRule[] = [ECR_RULE, EKS_RULE, IAM_RULE];
