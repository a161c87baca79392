import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudTrailEvent, imageActionEvent } from '@customs/local';

type Event = Record<string, unknown> & { detail: Record<string, unknown> };

/** One of AWS's sample events (test/fixtures/events), parsed fresh so a test may vary it. */
export function sampleEvent(name: string): Event {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/events/${name}.json`, import.meta.url)), 'utf8'),
  );
}

/** The demo account and region (packages/local/snapshots/demo). */
export const DEMO_SCOPE = { accountId: '111122223333', region: 'eu-west-1' };

/** "ECR Image Action" for the demo account, from AWS's sample. */
export function demoImageAction(action: 'PUSH' | 'DELETE', repository: string, digest: string, tag: string) {
  return imageActionEvent(action, DEMO_SCOPE, repository, digest, tag);
}

/** "AWS API Call via CloudTrail" for the demo account, from AWS's sample with another call. */
export function demoCloudTrail(
  source: 'aws.eks' | 'aws.iam' | 'aws.ecr' | 'aws.ecs',
  eventName: string,
  requestParameters: object,
) {
  return cloudTrailEvent(source, DEMO_SCOPE, eventName, requestParameters);
}
