import type { Finding } from '@customs/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MockedAws, mockAws } from '../../../aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir } from '../../../aws/test/live/helpers/snapshot-files.js';
import { DEMO, runCli } from './run-cli.js';

/** The demo snapshot's capture time: the live scan runs "then", so verdicts of age compare. */
const CAPTURED_AT = new Date('2026-11-28T12:00:00Z');

let aws: MockedAws | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: CAPTURED_AT, toFake: ['Date'] });
});
afterEach(() => {
  aws?.restore();
  vi.useRealTimers();
});

function findingsOf(stdout: string): Finding[] {
  return (JSON.parse(stdout) as { findings: Finding[] }).findings;
}

/** The findings of AWS's own resources (not of the clusters' Kubernetes APIs, which the mocked AWS does not serve). */
function awsFindingsOf(stdout: string): Finding[] {
  return findingsOf(stdout).filter((finding) => !finding.resourceType.startsWith('k8s-'));
}

/**
 * The mocked AWS answers AWS's APIs only, not a cluster's Kubernetes API (its live path is tested
 * against the loopback API server: packages/aws/test/kubernetes, test/bench/k8s-sweep): a live scan
 * of it reads each EKS cluster's Kubernetes API as unreadable, with one warning per cluster.
 */
function withoutKubernetesWarnings(stderr: string): string {
  return stderr.replace(/warning: k8s:[^\n]*\n/g, '');
}

describe('customs scan --aws', () => {
  it('gives the demo account served by (mocked) AWS exactly the findings of the demo snapshot', async () => {
    // Prepare
    aws = mockAws(readSnapshotDir(DEMO), { pageSize: 2 });
    // Act
    const live = await runCli('scan', '--aws', '--region', 'eu-west-1', '--format', 'json');
    const snapshot = await runCli('scan', '--snapshot', DEMO, '--format', 'json');
    // Assess
    expect(live.code).toBe(0);
    expect(withoutKubernetesWarnings(live.stderr)).toBe('');
    expect(live.stderr).toContain('warning: k8s:GetVersion (prod) failed');
    expect(awsFindingsOf(live.stdout).length).toBeGreaterThan(100);
    expect(awsFindingsOf(live.stdout)).toEqual(awsFindingsOf(snapshot.stdout));
  });

  it('reports a denied permission as ERROR findings naming it, with a warning, and still exits 0', async () => {
    aws = mockAws(readSnapshotDir(DEMO), { deny: ['ecr:GetRepositoryPolicy'] });
    const { code, stdout, stderr } = await runCli(
      'scan',
      '--aws',
      '--region',
      'eu-west-1',
      '--format',
      'json',
      '--check',
      'ecr-repository-not-public',
    );
    expect(code).toBe(0);
    const findings = findingsOf(stdout);
    expect(findings).toHaveLength(5);
    for (const finding of findings) {
      expect(finding.status).toBe('ERROR');
      expect(finding.message).toContain('AccessDenied: ecr:GetRepositoryPolicy');
    }
    expect(withoutKubernetesWarnings(stderr)).toBe(
      'warning: AccessDenied: ecr:GetRepositoryPolicy (5 calls); what it reads is reported as ERROR\n',
    );
  });

  it('reads several regions, IAM once', async () => {
    aws = mockAws(readSnapshotDir(DEMO));
    const { code, stdout } = await runCli(
      'scan',
      '--aws',
      '--region',
      'eu-west-1',
      '--region',
      'us-east-2',
      '--format',
      'json',
      '--check',
      'ecr-registry-scan-on-push,iam-account-root-mfa',
    );
    expect(code).toBe(0);
    const findings = findingsOf(stdout);
    expect(
      findings
        .filter((finding) => finding.checkId === 'ecr-registry-scan-on-push')
        .map((finding) => finding.region)
        .sort(),
    ).toEqual(['eu-west-1', 'us-east-2']);
    expect(findings.filter((finding) => finding.checkId === 'iam-account-root-mfa')).toHaveLength(1);
  });

  it('exits 2 with the reason when the account cannot be told', async () => {
    aws = mockAws(readSnapshotDir(DEMO), { deny: ['ecr:DescribeRegistry'] });
    const { code, stderr } = await runCli('scan', '--aws', '--region', 'eu-west-1');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^customs: cannot read AWS: cannot tell the account: AccessDenied: ecr:DescribeRegistry/,
    );
  });

  it('exits 2 on --snapshot with --aws, and on --region without --aws', async () => {
    const both = await runCli('scan', '--aws', '--snapshot', DEMO);
    const regionAlone = await runCli('scan', '--snapshot', DEMO, '--region', 'eu-west-1');
    expect(both).toMatchObject({
      code: 2,
      stderr: 'customs: scan takes --snapshot DIR or --aws, not both\n',
    });
    expect(regionAlone).toMatchObject({ code: 2, stderr: 'customs: --region and --profile go with --aws\n' });
  });
});
