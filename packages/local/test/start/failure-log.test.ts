import { describe, expect, it } from 'vitest';
import { failureLog } from '../../src/start/failure-log.js';

const ENDPOINT = 'http://127.0.0.1:8123';

/** The error the AWS SDK throws when nothing listens on DynamoDB Local's port. */
function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), {
    code: 'ECONNREFUSED',
    address: '127.0.0.1',
    port: 8123,
  });
}

describe('the failure log of customs start', () => {
  it('writes a failure once, counts its repeats, and writes it again a quiet minute later', () => {
    // Prepare
    const lines: string[] = [];
    let now = 0;
    const log = failureLog({ write: (line) => lines.push(line), dynamoEndpoint: ENDPOINT, clock: () => now });
    // Act: the API and the fan-out fail the same way, again and again
    log.report(refused(), 'GET /summary (answered 500)');
    for (let i = 0; i < 40; i++) log.report(refused(), 'the fan-out');
    now = 61_000;
    log.report(refused(), 'GET /findings (answered 500)');
    // Assess
    expect(lines).toEqual([
      'customs: GET /summary (answered 500) failed: DynamoDB Local (http://127.0.0.1:8123) is not answering (ECONNREFUSED): it may have stopped; restart customs start',
      'customs: GET /findings (answered 500) failed: DynamoDB Local (http://127.0.0.1:8123) is not answering (ECONNREFUSED): it may have stopped; restart customs start (40 more time(s) since the last report)',
    ]);
  });

  it('never shows the token or a webhook, and shows untrusted text bounded and escaped', () => {
    const lines: string[] = [];
    const webhook = 'https://hooks.slack.com/services/T0/B0/s3cr3tT0k3n';
    const log = failureLog({
      write: (line) => lines.push(line),
      dynamoEndpoint: ENDPOINT,
      secrets: ['tok-7f1c9e'],
      webhookUrls: [webhook],
    });
    log.report(
      new Error(`posting to ${webhook} with tok-7f1c9e failed`),
      `GET /\u001b[2J${'x'.repeat(2000)}`,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/s3cr3t|tok-7f1c9e/);
    expect(lines[0]).toContain('https://hooks.slack.com/services/T…/…');
    expect(lines[0]).toContain('GET /\\u001b[2J');
    expect(lines[0]?.length).toBeLessThan(800);
  });
});
