import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoImageAction } from '../../../../test/helpers/sample-events.js';
import { type FakeSlack, startFakeSlack } from '../../../notify/test/helpers/fake-slack.js';
import { runCli } from '../cli/run-cli.js';

const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';

async function pushFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'customs-replay-fan-out-'));
  const file = join(dir, 'events.json');
  await writeFile(
    file,
    JSON.stringify([demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1')]),
  );
  return file;
}

describe('customs replay fans the transitions out', () => {
  let slack: FakeSlack;
  const saved = process.env.SLACK_WEBHOOK_URL;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack?.close();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SLACK_WEBHOOK_URL;
    else process.env.SLACK_WEBHOOK_URL = saved;
  });

  it('posts to SLACK_WEBHOOK_URL once the stream is drained, and says how many messages went', async () => {
    // Prepare
    process.env.SLACK_WEBHOOK_URL = slack.url;
    // Act
    const { code, stderr } = await runCli('replay', await pushFile(), '--format', 'json');
    // Assess: the critical and the high finding (the default minimum is high)
    expect(code).toBe(0);
    expect(
      slack
        .posted()
        .map((request) => request.message.text.split(':')[0])
        .sort(),
    ).toEqual(['Critical', 'High']);
    expect(stderr).toContain('Notifications: 2 Slack message(s) posted');
  });

  it('prints the messages it would send without SLACK_WEBHOOK_URL, leaving stdout to the report', async () => {
    delete process.env.SLACK_WEBHOOK_URL;
    const { code, stdout, stderr } = await runCli('replay', await pushFile(), '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes.length).toBeGreaterThan(0);
    expect(stderr).toContain('Would post to Slack (SLACK_WEBHOOK_URL is not set):\n== New finding');
    expect(stderr).toContain('Notifications: 2 Slack message(s) printed');
  });

  it('refuses a webhook URL that is not https on hooks.slack.com before anything runs, without showing it', async () => {
    process.env.SLACK_WEBHOOK_URL = 'http://hooks.slack.com/services/T0CUSTOMS/B0/s3cr3tT0k3nDoNotLog';
    const { code, stdout, stderr } = await runCli('replay', await pushFile());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^customs: SLACK_WEBHOOK_URL \(http:\/\/hooks\.slack\.com\/services\/T…\/…\) must use https/,
    );
    expect(stderr).not.toContain('s3cr3tT0k3n');
  });
});
