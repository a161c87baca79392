import { findingId } from '@customs/core';
import { type LocalPipeline, startLocalFanOut, startLocalPipeline } from '@customs/local';
import { httpSlackSender, parseNotifyConfig, type SlackMessage } from '@customs/notify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../packages/notify/test/helpers/fake-slack.js';
import { demoCopy, editJson } from '../helpers/demo-copy.js';
import { demoImageAction } from '../helpers/sample-events.js';

const REPOSITORY = 'team/payments-api';
const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
const FIXED = 'sha256:3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';
const IMAGE_ID = `arn:aws:ecr:eu-west-1:111122223333:repository/${REPOSITORY}@${VULNERABLE}`;

type ImageList = { imageDetails: { imageDigest: string }[] };

/** The finding id and version a message is about (its context line). */
function aboutOf(message: SlackMessage): string {
  return /finding (\w+) v(\d+)/.exec(JSON.stringify(message.blocks))?.slice(1).join(' v') ?? '';
}

describe('fan-out: the stream of a local pipeline to a loopback Slack', () => {
  let slack: FakeSlack;
  let pipeline: LocalPipeline;
  let snapshot: string;

  beforeAll(async () => {
    slack = await startFakeSlack();
    snapshot = await demoCopy();
    pipeline = await startLocalPipeline({ snapshotDir: snapshot });
  });
  afterAll(async () => {
    await pipeline?.stop();
    await slack?.close();
  });
  afterEach(() => {
    slack.requests.length = 0;
    slack.answer = () => undefined;
  });

  it('posts exactly one "opened" and one "resolved" for a vulnerable image replaced by a fixed one, though every event and stream batch comes twice and Slack first answers 429', async () => {
    // Prepare: critical findings go to the loopback Slack, which rate-limits the first post
    const notify = {
      config: parseNotifyConfig({ slack: { webhookUrl: slack.url, minSeverity: 'critical' } }),
      posts: true,
    };
    const { client, endpoint, tableName } = pipeline;
    const fanOut = startLocalFanOut({ client, endpoint, tableName, notify });
    slack.answer = (index) => (index === 0 ? { status: 429, retryAfter: 1 } : undefined);
    // Act: the vulnerable image is pushed (the event delivered twice)
    for (let i = 0; i < 2; i++)
      await pipeline.bus.publish(demoImageAction('PUSH', REPOSITORY, VULNERABLE, 'v2.13.1'));
    await fanOut.drain();
    // Act: a fixed image is pushed and the vulnerable one deleted (each event delivered twice)
    await editJson<ImageList>(snapshot, 'ecr/DescribeImages/team%2Fpayments-api.json', (body) => ({
      imageDetails: body.imageDetails.filter((image) => image.imageDigest !== VULNERABLE),
    }));
    for (let i = 0; i < 2; i++)
      await pipeline.bus.publish(demoImageAction('PUSH', REPOSITORY, FIXED, 'v2.14.0'));
    for (let i = 0; i < 2; i++)
      await pipeline.bus.publish(demoImageAction('DELETE', REPOSITORY, VULNERABLE, 'v2.13.1'));
    const summary = await fanOut.drain();
    await fanOut.stop();
    // Act: the whole stream is read and handled again (a replayed batch)
    const replayed = startLocalFanOut({ client, endpoint, tableName, notify });
    await replayed.drain();
    await replayed.stop();
    // Assess
    const id = findingId('ecr-image-no-critical-vulnerabilities', IMAGE_ID);
    expect(slack.requests.map((request) => request.status)).toEqual([429, 200, 200]);
    expect(
      slack.posted().map((request) => [request.message.text.split(':')[0], aboutOf(request.message)]),
    ).toEqual([
      ['Critical', `${id} v1`],
      ['Resolved', `${id} v2`],
    ]);
    expect(summary).toMatchObject({ mode: 'posted', slackMessages: 2, pending: 0 });
  });

  it('loses nothing while Slack is down, and delivers everything once it recovers, in order per finding', async () => {
    // Prepare: three changes each of two findings, while Slack answers 500
    const notify = {
      config: parseNotifyConfig({ slack: { webhookUrl: slack.url, minSeverity: 'low' } }),
      posts: true,
    };
    const sender = httpSlackSender({
      intervalMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 },
    });
    const { client, endpoint, tableName } = pipeline;
    // The outbox's and the fan-out's clock: the test moves it past the webhook's hold-off.
    const clock = { ms: Date.now() };
    const statuses: string[] = [];
    const fanOut = startLocalFanOut({
      client,
      endpoint,
      tableName,
      notify,
      slack: sender,
      startAt: 'LATEST',
      clock: () => clock.ms,
      onStatus: (line) => statuses.push(line),
    });
    await fanOut.drain();
    slack.answer = () => ({ status: 500 });
    const now = Date.now();
    const evaluate = (minutes: number, status: 'FAIL' | 'PASS') =>
      ['outage-a', 'outage-b'].map((name) => ({
        id: findingId(
          'eks-cluster-deletion-protection',
          `arn:aws:eks:eu-west-1:111122223333:cluster/${name}`,
        ),
        checkId: 'eks-cluster-deletion-protection',
        title: 'EKS clusters have deletion protection enabled',
        resourceType: 'eks-cluster' as const,
        resourceId: `arn:aws:eks:eu-west-1:111122223333:cluster/${name}`,
        resourceName: name,
        accountId: '111122223333',
        region: 'eu-west-1',
        status,
        severity: 'low' as const,
        recommendation: 'CSA-4' as const,
        message: `Cluster ${name} has deletionProtection=${status === 'PASS'}`,
        evaluatedAt: new Date(now + minutes * 60_000).toISOString(),
      }));
    // Act: opened, resolved, reopened while Slack is down
    await pipeline.repository.applyEvaluation(evaluate(1, 'FAIL'));
    await pipeline.repository.applyEvaluation(evaluate(2, 'PASS'));
    await pipeline.repository.applyEvaluation(evaluate(3, 'FAIL'));
    const down = await fanOut.drain();
    const requestsWhileDown = slack.requests.length;
    const downAgain = await fanOut.retryPending();
    const requestsWhileHeld = slack.requests.length - requestsWhileDown;
    slack.answer = () => undefined;
    clock.ms += 10_001;
    const recovered = await fanOut.retryPending();
    await fanOut.stop();
    // Assess: one bounded try while down, none while held off, one line each way
    expect(slack.posted().length).toBe(6);
    expect(down.pending).toBe(6);
    expect(downAgain.pending).toBe(6);
    expect(requestsWhileHeld).toBe(0);
    expect(recovered.pending).toBe(0);
    expect(statuses).toEqual([
      expect.stringMatching(
        /^Slack answered 500 \(error\) at http:\/\/127\.0\.0\.1:\d+\/services\/T…\/…; 6 deliveries pending, next try in 10 s \(at .*\); retried with a backoff of 10 s doubling to 5 min while it fails$/,
      ),
      expect.stringMatching(/^Slack http:\/\/127\.0\.0\.1:\d+\/services\/T…\/…: delivering again$/),
    ]);
    expect(down.failing).toEqual([statuses[0]]);
    const delivered = slack.posted().map((request) => aboutOf(request.message));
    expect(new Set(delivered).size).toBe(6);
    for (const name of ['outage-a', 'outage-b']) {
      const id = findingId(
        'eks-cluster-deletion-protection',
        `arn:aws:eks:eu-west-1:111122223333:cluster/${name}`,
      );
      expect(delivered.filter((about) => about.startsWith(id))).toEqual([`${id} v1`, `${id} v2`, `${id} v3`]);
    }
  });
});
