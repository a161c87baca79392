import { type Finding, type FindingInUse, findingId } from '@customs/core';
import { startLocalFanOut } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { parseNotifyConfig } from '@customs/notify';
import { FindingsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../packages/notify/test/helpers/fake-slack.js';

const dynamo = useDynamoDbLocal();

/** The demo's vulnerable payments-api image (AWS's describe-images shape: repository@digest). */
const IMAGE_ID =
  'arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api@sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
const NAME = 'team/payments-api@sha256:44499ddb1996…';

/** The image's three failing findings, as the engine gives them, with what runs it. */
function imageFindings(inUse: FindingInUse, evaluatedAt: string): Finding[] {
  const checks = [
    ['ecr-image-no-critical-vulnerabilities', 'critical', 'ECR images have no critical vulnerabilities'],
    ['ecr-image-no-high-vulnerabilities', 'high', 'ECR images have no high vulnerabilities'],
    ['ecr-image-signed', 'high', 'ECR images are signed'],
  ] as const;
  return checks.map(([checkId, severity, title]) => ({
    id: findingId(checkId, IMAGE_ID),
    checkId,
    title,
    resourceType: 'ecr-image',
    resourceId: IMAGE_ID,
    resourceName: NAME,
    accountId: '111122223333',
    region: 'eu-west-1',
    status: 'FAIL',
    severity,
    recommendation: 'CSA-3',
    message: `Image ${NAME} fails ${checkId}`,
    evaluatedAt,
    inUse,
  }));
}

describe('"Now running": a failing image that starts running, through the real fan-out', () => {
  let slack: FakeSlack;
  let repository: FindingsRepository;
  beforeAll(async () => {
    slack = await startFakeSlack();
    repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
  });
  afterAll(async () => {
    await slack?.close();
  });

  /** Drains the table's stream through the local fan-out (the deployed fan-out's code) to the loopback Slack: each message's blocks. */
  async function fanOut(): Promise<string[]> {
    slack.requests.length = 0;
    const notify = { config: parseNotifyConfig({ slack: { webhookUrl: slack.url } }), posts: true };
    const running = startLocalFanOut({ ...dynamo, notify });
    await running.drain();
    await running.stop();
    return slack.posted().map((request) => JSON.stringify(request.message.blocks));
  }

  it('posts one message when it starts running in two places, and none again for a duplicate event', {
    timeout: 120_000,
  }, async () => {
    // Prepare: the image's findings are open while nothing runs it
    await repository.applyEvaluation(imageFindings({ running: 0, where: [] }, '2026-11-28T12:00:00.000Z'));
    const opened = await fanOut();
    const twoPlaces = { running: 5, where: ['payments/payments-api', 'prod/payments/Deployment/api'] };
    // Act: an ECS service and a Kubernetes workload start running it (one evaluation), then the
    // same evaluation arrives again, and a later one that finds it running in the same places
    await repository.applyEvaluation(imageFindings(twoPlaces, '2026-11-28T12:05:00.000Z'));
    const started = await fanOut();
    await repository.applyEvaluation(imageFindings(twoPlaces, '2026-11-28T12:05:00.000Z'));
    await repository.applyEvaluation(imageFindings(twoPlaces, '2026-11-28T12:10:00.000Z'));
    const again = await fanOut();
    // Assess
    expect(opened).toHaveLength(3);
    expect(started).toHaveLength(1);
    expect(started[0]).toContain('Now running · ECR images have no critical vulnerabilities');
    expect(started[0]).toContain(
      `${NAME} fails ecr-image-no-critical-vulnerabilities and is now running in payments/payments-api, prod/payments/Deployment/api`,
    );
    expect(again).toEqual([]);
    const stored = await repository.getFinding(findingId('ecr-image-signed', IMAGE_ID));
    expect(stored?.inUse).toEqual(twoPlaces);
  });
});
