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
  vi.useRealTimers();
  await aws?.restore();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings;

describe('customs record', () => {
  it("records the (mocked) demo account, its Kubernetes files too, so that scanning the recording gives the demo's findings", async () => {
    // Prepare: every AWS list paged two by two, the clusters' Kubernetes APIs on loopback
    const served = readSnapshotDir(DEMO);
    aws = mockAws(served, { pageSize: 2, serveKubernetes: true });
    const out = await mkdtemp(join(tmpdir(), 'customs-record-cli-'));
    dirs.push(out);
    // Act
    const recorded = await runCli('record', '--out', out, '--region', 'eu-west-1');
    const demo = await runCli('scan', '--snapshot', DEMO, '--format', 'json');
    vi.setSystemTime(new Date('2027-06-01T00:00:00Z'));
    const replayed = await runCli('scan', '--snapshot', out, '--format', 'json');
    // Assess: every file of the demo, prod's k8s/ files too; legacy's API denied, so none of its own
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toMatch(/^warning: k8s:GetVersion \(legacy\) failed: [^\n]*403[^\n]*\n$/);
    expect(recorded.stdout).toBe(
      `recorded ${served.size + 1} files of account 111122223333 (eu-west-1) to ${out}\n`,
    );
    const recording = readSnapshotDir(out);
    expect([...recording.keys()].sort()).toEqual([...served.keys()].sort());
    expect(recording.get('k8s/ListPods/prod.json')).toMatchObject({
      items: (served.get('k8s/ListPods/prod.json') as { items: unknown[] }).items,
    });
    expect(replayed.code).toBe(0);
    const findings = findingsOf(replayed.stdout);
    expect(findings.filter((finding) => finding.resourceType === 'k8s-workload').length).toBeGreaterThan(10);
    expect(findings).toEqual(findingsOf(demo.stdout));
  });

  it('exits 2 without --out', async () => {
    const { code, stderr } = await runCli('record', '--region', 'eu-west-1');
    expect(code).toBe(2);
    expect(stderr).toBe('customs: record needs --out DIR (the snapshot folder to write)\n');
  });
});
