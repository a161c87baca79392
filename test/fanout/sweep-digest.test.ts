import { type Finding, findingId } from '@customs/core';
import { startLocalFanOut } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { parseNotifyConfig } from '@customs/notify';
import { FindingsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../packages/notify/test/helpers/fake-slack.js';

const dynamo = useDynamoDbLocal();

/** A sweep's verdicts: 1,000 repositories failing scan-on-push (high) or tag immutability (critical here). */
function sweepFindings(count: number, evaluatedAt: string): Finding[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `team-${Math.floor(index / 100)}/service-${index}`;
    const resourceId = `arn:aws:ecr:eu-west-1:111122223333:repository/${name}`;
    const checkId = index % 2 === 0 ? 'ecr-repository-scan-on-push' : 'ecr-repository-cmk-encryption';
    return {
      id: findingId(checkId, resourceId),
      checkId,
      title:
        index % 2 === 0
          ? 'ECR repositories scan images on push'
          : 'ECR repositories are encrypted with a KMS key',
      resourceType: 'ecr-repository',
      resourceId,
      resourceName: name,
      accountId: '111122223333',
      region: 'eu-west-1',
      status: 'FAIL',
      severity: index % 10 === 0 ? 'critical' : 'high',
      recommendation: index % 2 === 0 ? 'CSA-3' : 'CSA-5',
      message: `Repository ${name} fails ${checkId}`,
      evaluatedAt,
    };
  });
}

describe('a sweep that opens 1,000 findings', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it("posts a handful of digests, not 1,000 messages, within Slack's rate limit", {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const repository = new FindingsRepository({
      client: dynamo.client,
      tableName: dynamo.tableName,
      concurrency: 16,
    });
    await repository.applyEvaluation(sweepFindings(1000, new Date().toISOString()));
    const notify = { config: parseNotifyConfig({ slack: { webhookUrl: slack.url } }), posts: true };
    // Act
    const fanOut = startLocalFanOut({ ...dynamo, notify });
    const summary = await fanOut.drain();
    await fanOut.stop();
    // Assess
    const posted = slack.posted();
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.length).toBeLessThanOrEqual(10);
    const counts = posted.map((request) =>
      Number(/^Customs digest: (\d+) finding changes/.exec(request.message.text)?.[1]),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1000);
    for (let i = 1; i < posted.length; i++) {
      expect((posted[i]?.at ?? 0) - (posted[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(990);
    }
    expect(summary).toMatchObject({ slackMessages: posted.length, pending: 0 });
  });
});
