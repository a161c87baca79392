import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoCloudTrail, demoImageAction, sampleEvent } from '../../../../test/helpers/sample-events.js';
import { runCli } from './run-cli.js';

const SAMPLES = fileURLToPath(new URL('../../../../test/fixtures/events/', import.meta.url));
const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';

interface ReplayJson {
  changes: {
    findingId: string;
    checkId: string;
    transition: string;
    event: number;
    status: string;
    severity: string;
  }[];
  ignored: { event: number; reason: string }[];
  rejected: { event: number; reason: string }[];
}

async function eventsFile(
  events: unknown[],
  form: 'array' | 'lines' = 'array',
): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'customs-replay-'));
  const file = join(dir, form === 'array' ? 'events.json' : 'events.jsonl');
  const text =
    form === 'array' ? JSON.stringify(events) : events.map((event) => JSON.stringify(event)).join('\n');
  await writeFile(file, text);
  return { dir, file };
}

describe('customs replay', () => {
  it("lists AWS's documented sample events as ignored, each with its reason, against the demo account", async () => {
    // Prepare: every sample event AWS documents, as published
    const names = (await readdir(SAMPLES)).filter((name) => name.endsWith('.json')).sort();
    const { dir, file } = await eventsFile(
      names.map((name) => sampleEvent(name.replace('.json', ''))),
      'lines',
    );
    // Act
    const { code, stdout } = await runCli(
      'replay',
      file,
      '--format',
      'json',
      '--rejected',
      join(dir, 'rejected.jsonl'),
    );
    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ReplayJson;
    expect(report.changes).toEqual([]);
    // The CreateCluster sample keeps the documentation's placeholder Region, which no event has.
    const placeholder = names.indexOf('cloudtrail-eks-createcluster.json');
    expect(report.rejected).toEqual([
      { event: placeholder, reason: expect.stringMatching(/^not an EventBridge event: region: /) },
    ]);
    expect(report.ignored.map((entry) => entry.event)).toEqual(
      names.map((_, index) => index).filter((index) => index !== placeholder),
    );
    for (const entry of report.ignored) expect(entry.reason).toMatch(/is not the snapshot's/);
  });

  it('prints the changes each event caused, with ignored and rejected events, and keeps the rejected ones', async () => {
    // Prepare
    const malformed = demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1');
    delete malformed.detail['repository-name'];
    const replication = { ...sampleEvent('ecr-image-action-push'), 'detail-type': 'ECR Replication Action' };
    const { dir, file } = await eventsFile([
      demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1'),
      malformed,
      replication,
      demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' }),
    ]);
    const rejectedLog = join(dir, 'rejected.jsonl');
    // Act
    const { code, stdout, stderr } = await runCli(
      'replay',
      file,
      '--format',
      'json',
      '--rejected',
      rejectedLog,
    );
    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ReplayJson;
    const opened = report.changes.filter((change) => change.transition === 'opened');
    expect(
      opened
        .filter((change) => change.event === 0)
        .map((change) => change.checkId)
        .sort(),
    ).toEqual([
      'ecr-image-no-critical-vulnerabilities',
      'ecr-image-no-high-vulnerabilities',
      'ecr-image-recently-rebuilt',
    ]);
    expect(opened.filter((change) => change.event === 3).map((change) => change.checkId)).toContain(
      'eks-cluster-endpoint-not-public',
    );
    expect(report.ignored).toEqual([
      { event: 2, reason: 'no rule matches source aws.ecr, detail-type "ECR Replication Action"' },
    ]);
    expect(report.rejected).toEqual([
      { event: 1, reason: expect.stringMatching(/^detail\.repository-name: /) },
    ]);
    expect(stderr).toContain(`1 rejected event(s) kept in ${rejectedLog}`);
    const kept = (await readFile(rejectedLog, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(kept).toEqual([
      { at: expect.any(String), index: 1, reason: report.rejected[0]?.reason, event: malformed },
    ]);
  });

  it('opens nothing new when the same file is replayed again onto kept data', async () => {
    // Prepare
    const events = [
      demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1'),
      demoCloudTrail('aws.iam', 'DeactivateMFADevice', { userName: 'tom.becker' }),
    ];
    const { dir, file } = await eventsFile(events, 'lines');
    const data = join(dir, 'data');
    // Act
    const first = JSON.parse(
      (await runCli('replay', file, '--format', 'json', '--data', data)).stdout,
    ) as ReplayJson;
    const second = JSON.parse(
      (await runCli('replay', file, '--format', 'json', '--data', data)).stdout,
    ) as ReplayJson;
    // Assess
    expect(first.changes.filter((change) => change.transition === 'opened').length).toBeGreaterThan(0);
    expect(second.changes.length).toBe(first.changes.length);
    expect(second.changes.filter((change) => change.transition !== 'unchanged')).toEqual([]);
  }, 120_000); // two `customs replay` processes, each starting DynamoDB Local

  it('prints a table of the lifecycle changes by default', async () => {
    const { file } = await eventsFile([demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1')]);
    const { stdout } = await runCli('replay', file);
    expect(stdout).toMatch(/^Changes: 3 opened, 0 resolved, 0 reopened, 0 suppressed, \d+ unchanged/);
    expect(stdout).toMatch(/^0\s+opened\s+FAIL\s+critical\s+ecr-image-no-critical-vulnerabilities/m);
  });

  it('refuses a file that is not events, with the reason', async () => {
    const { file } = await eventsFile([]);
    await writeFile(file, '[{"source": ');
    const { code, stderr } = await runCli('replay', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/starts like a JSON array but is not valid JSON/);
    expect((await runCli('replay')).stderr).toMatch(/replay takes one events file/);
  });
});
