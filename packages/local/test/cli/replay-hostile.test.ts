import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCloudTrail, demoImageAction } from '../../../../test/helpers/sample-events.js';
import { runCli } from './run-cli.js';

const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
const ANSI = '\u001b[2J\u001b[1;31mALL CHECKS PASSED';

interface ReplayJson {
  changes: { checkId: string; transition: string; event: number }[];
  unchanged: { event: number; refs: string[]; reason: string }[];
  ignored: { event: number; reason: string }[];
  rejected: { event: number; reason: string }[];
}

/** `{"a": {"a": …}}` as JSON text, `depth` deep (JSON.parse takes it; JSON.stringify of it would not). */
const deepObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The events the issue saw stop a replay or reach the terminal, then a push that must still count. */
function hostileEvents(): { text: string; count: number } {
  const surrogate = JSON.stringify(
    demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'prod' }),
  ).replace('"name":"prod"', '"name":"prod\\ud800"');
  const deepField = JSON.stringify(
    demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'prod' }),
  ).replace(
    '"eventName":"UpdateClusterConfig"',
    `"eventName":${'['.repeat(100_000)}"UpdateClusterConfig"${']'.repeat(100_000)}`,
  );
  const deepAnywhere = JSON.stringify(
    demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'prod' }),
  ).replace(
    '"requestParameters":{"name":"prod"}',
    `"requestParameters":{"name":"prod","tags":${deepObjects(20_000)}}`,
  );
  const lines = [
    surrogate, // 0
    JSON.stringify(demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'c'.repeat(300) })), // 1
    deepField, // 2
    deepAnywhere, // 3
    JSON.stringify({ ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'), source: ANSI }), // 4
    JSON.stringify({
      ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'),
      source: 'x'.repeat(200_000),
    }), // 5
    JSON.stringify({
      ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'),
      source: 'x'.repeat(1_000_000),
    }), // 6
    JSON.stringify({ ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'), time: 'yesterday' }), // 7
    JSON.stringify({ ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'), account: 'me' }), // 8
    JSON.stringify({
      ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'),
      region: 'region-code',
    }), // 9
    JSON.stringify({ ...demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v1'), detail: null }), // 10
    JSON.stringify(demoCloudTrail('aws.eks', 'UpdateClusterConfig', {})), // 11
    JSON.stringify(demoImageAction('PUSH', 'team/not-in-the-account', VULNERABLE, 'v1')), // 12
    JSON.stringify(demoCloudTrail('aws.eks', ANSI, { name: 'prod' })), // 13
    JSON.stringify(demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1')), // 14
  ];
  return { text: lines.join('\n'), count: lines.length };
}

describe('customs replay on hostile events', () => {
  let dir: string;
  let file: string;
  let count: number;
  let result: { code: number; stdout: string; stderr: string };
  let report: ReplayJson;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'customs-replay-hostile-'));
    file = join(dir, 'events.jsonl');
    const events = hostileEvents();
    count = events.count;
    await writeFile(file, events.text);
    result = await runCli('replay', file, '--format', 'json', '--rejected', join(dir, 'rejected.jsonl'));
    report = JSON.parse(result.stdout) as ReplayJson;
  }, 120_000);

  it('replays every event to its end, each in exactly one place, and still counts the last push', () => {
    expect(result.code).toBe(0);
    const withChanges = new Set(
      report.changes.filter((c) => c.transition !== 'unchanged').map((c) => c.event),
    );
    const places = [
      ...withChanges,
      ...report.unchanged.map((e) => e.event),
      ...report.ignored.map((e) => e.event),
      ...report.rejected.map((e) => e.event),
    ].sort((a, b) => a - b);
    expect(places).toEqual(Array.from({ length: count }, (_, index) => index));
    expect(
      report.changes
        .filter((c) => c.event === 14 && c.transition === 'opened')
        .map((c) => c.checkId)
        .sort(),
    ).toEqual([
      'ecr-image-no-critical-vulnerabilities',
      'ecr-image-no-high-vulnerabilities',
      'ecr-image-recently-rebuilt',
    ]);
  });

  it('rejects each malformed event with a bounded reason naming what is wrong', () => {
    const reasons = new Map(report.rejected.map((entry) => [entry.event, entry.reason]));
    expect(reasons.get(0)).toBe(
      'detail.requestParameters.name: holds a lone UTF-16 surrogate at position 4; an EKS cluster name is valid Unicode',
    );
    expect(reasons.get(1)).toBe(
      'detail.requestParameters.name: is 300 characters; an EKS cluster name has at most 100',
    );
    expect(reasons.get(2)).toMatch(/nested over 1100 levels deep/);
    expect(reasons.get(3)).toMatch(/nested over 1100 levels deep/);
    expect(reasons.get(6)).toMatch(/^the event is over 263168 bytes as JSON/);
    expect(reasons.get(7)).toMatch(/^not an EventBridge event: time: must be an ISO 8601 instant/);
    expect(reasons.get(8)).toMatch(/^not an EventBridge event: account: must be an AWS account id/);
    expect(reasons.get(9)).toMatch(/^not an EventBridge event: region: must be an AWS Region name/);
    expect(reasons.get(10)).toMatch(/^not an EventBridge event: detail: /);
    expect(report.rejected.map((entry) => entry.event)).toEqual([0, 1, 2, 3, 6, 7, 8, 9, 10]);
  });

  it('ignores what no rule matches with a bounded reason, and says why nothing was assessed', () => {
    const reasons = new Map(report.ignored.map((entry) => [entry.event, entry.reason]));
    expect(reasons.get(4)).toBe(
      'no rule matches source \\u001b[2J\\u001b[1;31mALL CHECKS PASSED, detail-type "ECR Image Action"',
    );
    expect(reasons.get(5)?.length).toBeLessThan(300);
    expect(reasons.get(11)).toBe('the event names no resource to re-assess');
    expect(reasons.get(13)).toMatch(
      /^no rule matches source aws\.eks, detail-type "AWS API Call via CloudTrail" \\u001b/,
    );
    expect(result.stdout.length).toBeLessThan(100_000);
  });

  it('lists a push for a repository missing from the account as unchanged, with its refs', () => {
    expect(report.unchanged).toEqual([
      {
        event: 12,
        refs: [`ecr-image team/not-in-the-account@${VULNERABLE}`, 'ecr-repository team/not-in-the-account'],
        reason: 'not found in the account, and no finding of it stored to resolve',
      },
    ]);
  });

  it('keeps every rejected event in the rejected log, one parseable line each, the deep one as bounded text', async () => {
    const lines = (await readFile(join(dir, 'rejected.jsonl'), 'utf8')).trim().split('\n');
    const kept = lines.map(
      (line) => JSON.parse(line) as { index: number; truncated?: boolean; eventText?: string },
    );
    expect(kept.map((record) => record.index)).toEqual([0, 1, 2, 3, 6, 7, 8, 9, 10]);
    const deep = kept.filter((record) => record.index === 2 || record.index === 3 || record.index === 6);
    for (const record of deep) {
      expect(record.truncated).toBe(true);
      expect(record.eventText?.length).toBeLessThanOrEqual(64 * 1024);
    }
    expect(result.stderr).toContain(`9 rejected event(s) kept in ${join(dir, 'rejected.jsonl')}`);
  });

  it('prints the table with no escape sequence from an event reaching the terminal', async () => {
    // Prepare: the events that carry ANSI escapes, in a file of their own
    const ansiFile = join(dir, 'ansi.jsonl');
    const { text } = hostileEvents();
    const lines = text.split('\n');
    await writeFile(ansiFile, [lines[4], lines[13], lines[0]].join('\n'));
    // Act
    const table = await runCli('replay', ansiFile, '--rejected', join(dir, 'ansi-rejected.jsonl'));
    // Assess
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('\\u001b[2J\\u001b[1;31mALL CHECKS PASSED');
    expect(table.stdout).toMatch(/^Ignored: 2$/m);
    expect(table.stdout).toMatch(/^Rejected: 1$/m);
  }, 120_000);
});
