import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CATALOG, type Finding } from '@customs/core';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checksOfAnAccount, DEMO, runCli } from './run-cli.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));
const SCHEMA = fileURLToPath(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url));

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; help: { text: string }; helpUri?: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      kind: string;
      locations: { logicalLocations: { fullyQualifiedName: string; kind: string }[] }[];
    }[];
  }[];
}

/** Runs the bin as a process: its exit status, stdout and stderr. */
async function customs(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('customs scan --format sarif', () => {
  it('validates against the SARIF 2.1.0 JSON schema, one rule per check with its remediation as help, the ARN as a logical location', async () => {
    // Prepare
    const schema = JSON.parse(await readFile(SCHEMA, 'utf8'));
    // The schema's `language` pattern (`…{2}]?$`) has a stray `]`, valid only without the u flag.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    // Act
    const { code, stdout } = await runCli('scan', '--snapshot', DEMO, '--format', 'sarif');
    const json = await runCli('scan', '--snapshot', DEMO, '--format', 'json');
    // Assess
    expect(code).toBe(0);
    const log = JSON.parse(stdout) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(validate({ ...log, version: '2.0.0' }), 'the schema refuses another version').toBe(false);
    const [sarifRun] = log.runs;
    const rules = sarifRun?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id).sort()).toEqual(checksOfAnAccount().sort());
    for (const rule of rules) {
      const check = CATALOG.get(rule.id);
      expect(rule.help.text).toContain(check?.remediation.text);
      expect(rule.help.text).toContain(check?.remediation.cli);
      // The command is labelled with what runs it: kubectl for a manifest fix, the AWS CLI otherwise
      const tool = check?.remediation.cli.startsWith('kubectl') ? 'kubectl' : 'AWS CLI';
      expect(rule.help.text, rule.id).toContain(`\n\n${tool}:\n${check?.remediation.cli}`);
    }
    expect(rules.some((rule) => rule.help.text.includes('kubectl:\n'))).toBe(true);
    const { findings } = JSON.parse(json.stdout) as { findings: Finding[] };
    // One result per FAIL, and one per ERROR (`kind: review`: the demo's legacy cluster's Kubernetes API is unreadable)
    const failures = findings.filter((finding) => finding.status === 'FAIL' || finding.status === 'ERROR');
    expect(findings.some((finding) => finding.status === 'ERROR')).toBe(true);
    expect(sarifRun?.results).toHaveLength(failures.length);
    for (const result of sarifRun?.results ?? []) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      const location = result.locations[0]?.logicalLocations[0];
      expect(failures).toContainEqual(
        expect.objectContaining({ checkId: result.ruleId, resourceId: location?.fullyQualifiedName }),
      );
      const finding = failures.find(
        (candidate) =>
          candidate.checkId === result.ruleId && candidate.resourceId === location?.fullyQualifiedName,
      );
      expect(result.kind).toBe(finding?.status === 'FAIL' ? 'fail' : 'review');
    }
    const critical = sarifRun?.results.find((result) => result.ruleId === 'ecr-repository-not-public');
    expect(critical?.level).toBe('error');
  });

  it('has a rule for each check asked for, in any case of --format', async () => {
    const { stdout } = await runCli(
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'SARIF',
      '--check',
      'ecr-image-signed',
    );
    const log = JSON.parse(stdout) as SarifLog;
    expect(log.runs[0]?.tool.driver.rules.map((rule) => rule.id)).toEqual(['ecr-image-signed']);
  });
});

describe('customs scan --format junit', () => {
  it('writes one test case per finding, a <failure> with the remediation for each FAIL, counts that add up', async () => {
    const { stdout } = await runCli('scan', '--snapshot', DEMO, '--format', 'junit');
    const json = JSON.parse((await runCli('scan', '--snapshot', DEMO, '--format', 'json')).stdout) as {
      findings: Finding[];
    };
    const fails = json.findings.filter((finding) => finding.status === 'FAIL').length;
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="customs" /);
    expect(stdout).toContain(`tests="${json.findings.length}" failures="${fails}"`);
    expect(stdout.match(/<testcase /g)).toHaveLength(json.findings.length);
    expect(stdout.match(/<failure /g)).toHaveLength(fails);
    expect(stdout.match(/<testsuite /g)).toHaveLength(5);
    expect(stdout).toContain(
      'cli: aws eks update-cluster-version --name &lt;cluster&gt; --kubernetes-version 1.31',
    );
    // Nothing unescaped: every < opens a tag.
    for (const match of stdout.matchAll(/<(.)/g)) expect(match[1]).toMatch(/[?/a-z]/);
  });
});

describe('customs scan --fail-on (as a process)', () => {
  it('exits 1 when an open failure is at or above the severity, naming how many', async () => {
    const { code, stderr, stdout } = await customs('scan', '--snapshot', DEMO, '--fail-on', 'HIGH');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^customs: \d+ failing finding\(s\) at or above high \(--fail-on high\)\n$/);
    expect(stdout).toContain('Overall posture');
  });

  it('exits 0 when no failure is at or above it', async () => {
    // The demo's eks-cluster-deletion-protection failure is low: nothing at or above critical.
    const { code, stderr } = await customs(
      'scan',
      '--snapshot',
      DEMO,
      '--check',
      'eks-cluster-deletion-protection',
      '--fail-on',
      'critical',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 on a severity that is not one, with the nearest', async () => {
    const { code, stderr } = await customs('scan', '--snapshot', DEMO, '--fail-on', 'hihg');
    expect(code).toBe(2);
    expect(stderr).toBe('customs: unknown --severity hihg; did you mean high?\n');
  });
});

describe('customs scan --output', () => {
  it('writes several formats in one run, by FORMAT=FILE or by the ending, and still prints --format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'customs-output-'));
    const { code, stdout } = await runCli(
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'json',
      '--output',
      `sarif=${join(dir, 'out.sarif')}`,
      '--output',
      `junit=${join(dir, 'nested', 'out.xml')}`,
      '--output',
      join(dir, 'findings.csv'),
      '--output',
      join(dir, 'report.txt'),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('findings');
    expect(JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(await readFile(join(dir, 'nested', 'out.xml'), 'utf8')).toMatch(/^<\?xml /);
    expect(await readFile(join(dir, 'findings.csv'), 'utf8')).toMatch(/^id,checkId,status,/);
    expect(await readFile(join(dir, 'report.txt'), 'utf8')).toContain('Overall posture');
  });

  it('refuses a file whose format it cannot tell, and one it cannot write, with exit 2', async () => {
    const unknown = await runCli('scan', '--snapshot', DEMO, '--output', 'report.pdf');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--output report.pdf: say the format (--output sarif=report.pdf)');
    const blocked = await runCli('scan', '--snapshot', DEMO, '--output', `sarif=${BIN}/out.sarif`);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^customs: cannot write --output .*out\.sarif \(E[A-Z]+\)\n$/);
  });
});
