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
afterEach(async () => {
  vi.useRealTimers();
  await aws?.restore();
});

function findingsOf(stdout: string): Finding[] {
  return (JSON.parse(stdout) as { findings: Finding[] }).findings;
}

/** The demo's `legacy` cluster, which has no Kubernetes files: its API is unreadable, live and in the snapshot. */
const LEGACY_API = 'arn:aws:eks:eu-west-1:111122223333:cluster/legacy/kubernetes';

/** The findings with legacy's API findings' messages (why it is unreadable) set aside. */
function withoutLegacyReason(findings: Finding[]): Finding[] {
  return findings.map((finding) =>
    finding.resourceId === LEGACY_API ? { ...finding, message: '(unreadable)' } : finding,
  );
}

describe('customs scan --aws', () => {
  it('gives the demo account served by (mocked) AWS exactly the findings of the demo snapshot', async () => {
    // Prepare
    aws = mockAws(readSnapshotDir(DEMO), { pageSize: 2, serveKubernetes: true });
    // Act
    const live = await runCli('scan', '--aws', '--region', 'eu-west-1', '--format', 'json');
    const snapshot = await runCli('scan', '--snapshot', DEMO, '--format', 'json');
    // Assess: prod's workloads read from its (loopback) Kubernetes API; legacy's API denied live, not recorded in the snapshot
    expect(live.code).toBe(0);
    expect(live.stderr).toMatch(
      /^warning: k8s:GetVersion \(legacy\) failed: KubernetesApiError: [^\n]*403[^\n]*\n$/,
    );
    const prod = await aws.kubernetesApi?.serve('prod');
    // GET /version and each of the 13 lists in one page, every token verified
    expect(prod?.requests.map((request) => [request.status, 'signedAt' in request.token])).toEqual(
      Array(14).fill([200, true]),
    );
    const [fromAws, fromSnapshot] = [findingsOf(live.stdout), findingsOf(snapshot.stdout)];
    expect(fromAws.filter((finding) => finding.resourceType === 'k8s-workload').length).toBeGreaterThan(10);
    expect(withoutLegacyReason(fromAws)).toEqual(withoutLegacyReason(fromSnapshot));
    const legacy = (findings: Finding[]) => findings.filter((finding) => finding.resourceId === LEGACY_API);
    expect(legacy(fromAws).length).toBeGreaterThan(0);
    for (const finding of legacy(fromAws)) expect(finding).toMatchObject({ status: 'ERROR', message: /403/ });
    for (const finding of legacy(fromSnapshot))
      expect(finding).toMatchObject({ status: 'ERROR', message: /not in the snapshot/ });
  });

  it('reports a denied permission as ERROR findings naming it, with a warning, and still exits 0', async () => {
    aws = mockAws(readSnapshotDir(DEMO), { deny: ['ecr:GetRepositoryPolicy'], serveKubernetes: true });
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
    expect(stderr).toMatch(
      /^warning: AccessDenied: ecr:GetRepositoryPolicy \(5 calls\); what it reads is reported as ERROR\nwarning: k8s:GetVersion \(legacy\) failed: [^\n]*403[^\n]*\n$/,
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
