import { readFileSync } from 'node:fs';

type Event = Record<string, unknown> & { detail: Record<string, unknown> };

/** Where the events go: an account and region. */
export interface EventScope {
  accountId: string;
  region: string;
}

/** One of AWS's published sample events (aws-samples/), parsed fresh. */
export function awsSampleEvent(
  name: 'ecr-image-action-push' | 'ecr-image-action-delete' | 'cloudtrail-eks-createcluster',
): Event {
  return JSON.parse(readFileSync(new URL(`./aws-samples/${name}.json`, import.meta.url), 'utf8'));
}

function readdressed(event: Event, scope: EventScope, detail: Record<string, unknown>): Event {
  return {
    ...event,
    id: crypto.randomUUID(),
    account: scope.accountId,
    region: scope.region,
    time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    detail: { ...event.detail, ...detail },
  };
}

/**
 * An "ECR Image Action" event (PUSH or DELETE) in AWS's documented shape.
 * @example imageActionEvent('PUSH', { accountId, region }, 'team/app', 'sha256:…', 'v1')
 */
export function imageActionEvent(
  action: 'PUSH' | 'DELETE',
  scope: EventScope,
  repository: string,
  digest: string,
  tag: string,
): Event {
  const sample = awsSampleEvent(action === 'PUSH' ? 'ecr-image-action-push' : 'ecr-image-action-delete');
  return readdressed(sample, scope, {
    'repository-name': repository,
    'image-digest': digest,
    'image-tag': tag,
  });
}

/**
 * An "AWS API Call via CloudTrail" event in the envelope EventBridge delivers it in, from AWS's
 * CreateCluster sample with another call. IAM calls arrive in us-east-1.
 * @example cloudTrailEvent('aws.eks', { accountId, region }, 'UpdateClusterConfig', { name: 'prod' })
 */
export function cloudTrailEvent(
  source: 'aws.eks' | 'aws.iam' | 'aws.ecr' | 'aws.ecs',
  scope: EventScope,
  eventName: string,
  requestParameters: object,
): Event {
  const region = source === 'aws.iam' ? 'us-east-1' : scope.region;
  const event = readdressed(
    awsSampleEvent('cloudtrail-eks-createcluster'),
    { ...scope, region },
    {
      eventSource: `${source.slice(4)}.amazonaws.com`,
      eventName,
      awsRegion: region,
      recipientAccountId: scope.accountId,
      requestParameters,
      responseElements: null,
    },
  );
  return { ...event, source };
}

/**
 * An Amazon ECS call as EventBridge delivers it from CloudTrail: AWS's CreateCluster record
 * (aws-samples/cloudtrail-ecs-createcluster.json, a bare CloudTrail record) in the envelope of the
 * EKS sample, with another call, its request parameters and its response elements.
 * @example ecsCloudTrailEvent({ accountId, region }, 'UpdateService', { cluster: 'payments', service: 'api' }, { service })
 */
export function ecsCloudTrailEvent(
  scope: EventScope,
  eventName: string,
  requestParameters: object,
  responseElements: object,
): Event {
  const record = JSON.parse(
    readFileSync(new URL('./aws-samples/cloudtrail-ecs-createcluster.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { userIdentity: Record<string, unknown> };
  const envelope = awsSampleEvent('cloudtrail-eks-createcluster');
  const event = readdressed({ ...envelope, detail: record }, scope, {
    userIdentity: { ...record.userIdentity, accountId: scope.accountId },
    eventTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    eventName,
    awsRegion: scope.region,
    eventID: crypto.randomUUID(),
    requestID: crypto.randomUUID(),
    recipientAccountId: scope.accountId,
    requestParameters,
    responseElements,
  });
  return { ...event, source: 'aws.ecs' };
}
