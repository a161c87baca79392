import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '@customs/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MockedAws, mockAws } from '../../../aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir } from '../../../aws/test/live/helpers/snapshot-files.js';
import { DEMO, runCli } from './run-cli.js';

let aws: MockedAws | undefined;
const dirs: string[] = [];
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z'), toFake: ['Date'] });
});
afterEach(async () => {
  aws?.restore();
  vi.useRealTimers();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings;

describe('customs record', () => {
  it('records a (mocked) account so that scanning the recording equals scanning live, finding for finding', async () => {
    // Prepare: every list paged two by two
    const served = readSnapshotDir(DEMO);
    aws = mockAws(served, { pageSize: 2 });
    const out = await mkdtemp(join(tmpdir(), 'customs-record-cli-'));
    dirs.push(out);
    // Act
    const recorded = await runCli('record', '--out', out, '--region', 'eu-west-1');
    const live = await runCli('scan', '--aws', '--region', 'eu-west-1', '--format', 'json');
    vi.setSystemTime(new Date('2027-06-01T00:00:00Z'));
    const replayed = await runCli('scan', '--snapshot', out, '--format', 'json');
    // Assess
    expect(recorded.code).toBe(0);
    expect(withoutKubernetesWarnings(recorded.stderr)).toBe('');
    // Every file of AWS's APIs; the k8s/ files need the clusters' Kubernetes APIs, which the mocked AWS does not serve
    const awsFiles = [...served.keys()].filter((key) => !key.startsWith('k8s/'));
    expect(recorded.stdout).toBe(
      `recorded ${awsFiles.length + 1} files of account 111122223333 (eu-west-1) to ${out}\n`,
    );
    expect(replayed.code).toBe(0);
    const ofAws = (findings: ReturnType<typeof findingsOf>) =>
      findings.filter((finding) => !finding.resourceType.startsWith('k8s-'));
    expect(ofAws(findingsOf(replayed.stdout))).toEqual(ofAws(findingsOf(live.stdout)));
    expect([...readSnapshotDir(out).keys()].sort()).toEqual(awsFiles.sort());
  });

  it('exits 2 without --out', async () => {
    const { code, stderr } = await runCli('record', '--region', 'eu-west-1');
    expect(code).toBe(2);
    expect(stderr).toBe('customs: record needs --out DIR (the snapshot folder to write)\n');
  });
});

/**
 * The mocked AWS answers AWS's APIs only, not a cluster's Kubernetes API (its live path is tested
 * against the loopback API server: packages/aws/test/kubernetes, test/bench/k8s-sweep): a live scan
 * of it reads each EKS cluster's Kubernetes API as unreadable, with one warning per cluster.
 */
function withoutKubernetesWarnings(stderr: string): string {
  return stderr.replace(/warning: k8s:[^\n]*\n/g, '');
}
