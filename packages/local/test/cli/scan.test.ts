import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG, type Finding, RECOMMENDATIONS } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { checksOfAnAccount, DEMO, runCli } from './run-cli.js';

async function demoCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'customs-scan-'));
  await cp(DEMO, dir, { recursive: true });
  return dir;
}

describe('customs scan --snapshot', () => {
  it('prints {"findings", "summary"} as JSON with a finding for every check of every resource', async () => {
    // Act
    const { code, stdout, stderr } = await runCli('scan', '--snapshot', DEMO, '--format', 'json');
    // Assess
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { findings, summary } = JSON.parse(stdout) as { findings: Finding[]; summary: { total: number } };
    expect(summary.total).toBe(findings.length);
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining([
          'checkId',
          'resourceType',
          'resourceId',
          'status',
          'severity',
          'recommendation',
          'message',
        ]),
      );
    }
    const checked = new Set(findings.map((f) => f.checkId));
    expect([...checked].sort()).toEqual(checksOfAnAccount().sort());
    const resources = new Set(findings.map((f) => f.resourceId));
    for (const resourceId of resources) {
      const type = findings.find((f) => f.resourceId === resourceId)?.resourceType;
      const ids = findings.filter((f) => f.resourceId === resourceId).map((f) => f.checkId);
      expect(ids.sort()).toEqual(
        CATALOG.byResourceType(type ?? 'iam-user')
          .map((c) => c.id)
          .sort(),
      );
    }
  });

  it('prints a table grouped by CSA recommendation with a posture line each', async () => {
    const { code, stdout } = await runCli('scan', '--snapshot', DEMO);
    expect(code).toBe(0);
    for (const recommendation of RECOMMENDATIONS)
      expect(stdout).toMatch(new RegExp(`^${recommendation} `, 'm'));
    expect(stdout.match(/^ +posture: \d+\/\d+ passed \(\d+(\.\d)?%\)/gm)).toHaveLength(5);
    expect(stdout).toMatch(/^Overall posture: \d+\/\d+ passed/m);
    expect(stdout).toContain('Cluster legacy runs Kubernetes 1.29, below 1.31');
  });

  it('prints CSV with a header and only the checks and severities asked for', async () => {
    const { stdout } = await runCli(
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'csv',
      '--severity',
      'CRITICAL',
      '--check',
      'ecr-repository-not-public,iam-policy-no-admin',
      '--check',
      'eks-cluster-audit-logging',
    );
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toBe(
      'id,checkId,status,severity,recommendation,resourceType,resourceId,resourceName,accountId,region,message,evaluatedAt,title,rationale,remediation,remediationCli,remediationIac,remediationUrl',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatch(/^[0-9a-f]{32},(ecr-repository-not-public|iam-policy-no-admin),/);
  });

  it('applies thresholds from --config', async () => {
    // Prepare
    const dir = await demoCopy();
    const config = join(dir, 'customs.json');
    await writeFile(config, JSON.stringify({ eksMinVersion: '1.20' }));
    // Act
    const { stdout } = await runCli(
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'json',
      '--config',
      config,
      '--check',
      'eks-cluster-supported-version',
    );
    // Assess
    const { findings } = JSON.parse(stdout) as { findings: Finding[] };
    expect(findings.map((f) => f.status)).toEqual(['PASS', 'PASS']);
  });

  describe('bad input: exit 2 with one line naming what was wrong', () => {
    it.each([
      [['scan'], /^customs: scan needs --snapshot DIR/],
      [['scan', '--snapshot', '/no/such/dir'], /^customs: snapshot directory not found: \/no\/such\/dir/],
      [
        ['scan', '--snapshot', DEMO, '--check', 'eks-cluster-nope'],
        /^customs: unknown --check eks-cluster-nope; valid values: ecr-registry-scan-on-push, /,
      ],
      [
        ['scan', '--snapshot', DEMO, '--severity', 'urgent'],
        /^customs: unknown --severity urgent; valid values: critical, high, medium, low, informational/,
      ],
      [
        ['scan', '--snapshot', DEMO, '--format', 'xml'],
        /^customs: unknown --format xml; valid values: table, json, csv/,
      ],
      [
        ['scan', '--snapshot', DEMO, '--config', '/no/such.json'],
        /^customs: cannot read the configuration file \/no\/such.json: ENOENT/,
      ],
      [['scan', '--snapshot', DEMO, '--colour'], /^customs: Unknown option '--colour'/],
      [
        ['deploy'],
        /^customs: unknown command deploy; commands: start, dashboard, scan, replay, record, findings, suppress, suppressions, unsuppress, checks, iam-policy, member-template, help$/m,
      ],
    ])('customs %j', async (args, message) => {
      const { code, stdout, stderr } = await runCli(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });

    it('names the snapshot file and field that are wrong', async () => {
      // Prepare
      const dir = await demoCopy();
      await writeFile(
        join(dir, 'eks/DescribeCluster/prod.json'),
        '{"cluster": {"name": "prod", "resourcesVpcConfig": {"endpointPublicAccess": "yes"}}}',
      );
      await writeFile(join(dir, 'ecr/DescribeRepositories.json'), 'not json');
      // Act
      const broken = await runCli('scan', '--snapshot', dir);
      // Assess
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(
        /^customs: (ecr\/DescribeRepositories\.json: .*JSON|eks\/DescribeCluster\/prod\.json: cluster\.resourcesVpcConfig\.endpointPublicAccess)/,
      );
    });

    it('names the configuration key that is wrong', async () => {
      const dir = await demoCopy();
      const config = join(dir, 'bad.json');
      await writeFile(config, JSON.stringify({ maxCritical: -1 }));
      const { code, stderr } = await runCli('scan', '--snapshot', DEMO, '--config', config);
      expect(code).toBe(2);
      expect(stderr).toMatch(/bad\.json is invalid: maxCritical: /);
    });
  });
});

describe('customs checks', () => {
  it('lists every check with its metadata as JSON', async () => {
    const { code, stdout } = await runCli('checks', '--format', 'json');
    expect(code).toBe(0);
    const { checks } = JSON.parse(stdout) as {
      checks: { id: string; remediation: { cli: string }; mappings: object }[];
    };
    expect(checks.map((check) => check.id).sort()).toEqual(CATALOG.ids().sort());
    for (const check of checks) expect(check.remediation.cli).toMatch(/^(aws|eksctl|kubectl) /);
  });

  it('lists the catalog as a table', async () => {
    const { stdout } = await runCli('checks');
    expect(stdout).toMatch(/^ID\s+CSA\s+SEVERITY\s+RESOURCE\s+TITLE/);
    expect(stdout).toContain(`${CATALOG.size} checks`);
  });
});
