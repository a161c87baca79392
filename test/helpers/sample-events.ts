import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Event = Record<string, unknown> & { detail: Record<string, unknown> };

/** One of AWS's sample events (test/fixtures/events), parsed fresh so a test may vary it. */
export function sampleEvent(name: string): Event {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/events/${name}.json`, import.meta.url)), 'utf8'),
  );
}

/** The demo account (packages/local/snapshots/demo). */
export const DEMO_ACCOUNT = '111122223333';
export const DEMO_REGION = 'eu-west-1';

/** AWS's sample event re-addressed to the demo account and region, with its detail changed. */
export function demoEvent(name: string, detail: Record<string, unknown>, id?: string): Event {
  const event = sampleEvent(name);
  return {
    ...event,
    ...(id ? { id } : {}),
    account: DEMO_ACCOUNT,
    region: DEMO_REGION,
    detail: { ...event.detail, ...detail },
  };
}

/** "ECR Image Action" for the demo (PUSH or DELETE), from AWS's sample. */
export function demoImageAction(action: 'PUSH' | 'DELETE', repository: string, digest: string, tag: string) {
  const sample = action === 'PUSH' ? 'ecr-image-action-push' : 'ecr-image-action-delete';
  return demoEvent(sample, { 'repository-name': repository, 'image-digest': digest, 'image-tag': tag });
}

/** "AWS API Call via CloudTrail" for the demo, from AWS's CreateCluster sample with another call. */
export function demoCloudTrail(
  source: 'aws.eks' | 'aws.iam' | 'aws.ecr',
  eventName: string,
  requestParameters: object,
) {
  const service = source.slice(4);
  const event = demoEvent('cloudtrail-eks-createcluster', {
    eventSource: `${service}.amazonaws.com`,
    eventName,
    awsRegion: source === 'aws.iam' ? 'us-east-1' : DEMO_REGION,
    recipientAccountId: DEMO_ACCOUNT,
    requestParameters,
    responseElements: null,
  });
  return { ...event, source, region: source === 'aws.iam' ? 'us-east-1' : DEMO_REGION };
}
