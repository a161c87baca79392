import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CATALOG } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));

describe('customs --version (as a process)', () => {
  it("prints the CLI package's version", async () => {
    const { version } = JSON.parse(
      await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    ) as { version: string };
    const { stdout } = await run(process.execPath, [BIN, '--version']);
    expect(stdout).toBe(`customs ${version}\n`);
  });
});

describe('an unknown check id (as a process)', () => {
  it('is exit 2 with the nearest ids', async () => {
    const failure = await run(process.execPath, [
      BIN,
      'scan',
      '--snapshot',
      DEMO,
      '--check',
      'ecr-image-sign',
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 2,
      stderr: 'customs: unknown --check ecr-image-sign; did you mean ecr-image-signed?\n',
    });
  });
});

describe('enumerations in any case, repeated or comma-separated', () => {
  it('gives the same scan for --severity CRITICAL,high and --severity critical --severity HIGH', async () => {
    const comma = await runCli('scan', '--snapshot', DEMO, '--format', 'JSON', '--severity', 'CRITICAL,high');
    const repeated = await runCli(
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'json',
      '--severity',
      'critical',
      '--severity',
      'HIGH',
    );
    expect(comma.code).toBe(0);
    expect(comma.stdout).toBe(repeated.stdout);
    const severities = new Set(
      (JSON.parse(comma.stdout) as { findings: { severity: string }[] }).findings.map(
        (each) => each.severity,
      ),
    );
    expect([...severities].sort()).toEqual(['critical', 'high']);
  });

  it('takes check ids in any case', async () => {
    const { code, stdout } = await runCli(
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'json',
      '--check',
      'ECR-Image-Signed',
    );
    expect(code).toBe(0);
    const ids = new Set(
      (JSON.parse(stdout) as { findings: { checkId: string }[] }).findings.map((f) => f.checkId),
    );
    expect([...ids]).toEqual(['ecr-image-signed']);
  });
});

describe('customs checks --format csv', () => {
  it('lists every check with its remediation and mappings', async () => {
    const { code, stdout } = await runCli('checks', '--format', 'csv');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'id,recommendation,severity,resourceType,title,rationale,remediation,remediationCli,remediationIacFormat,remediationIac,remediationUrl,securityHub,config,prowler,cisEks',
    );
    for (const check of CATALOG.all()) {
      expect(stdout).toMatch(new RegExp(`(^|\\n)${check.id},${check.recommendation},${check.severity},`));
      expect(stdout).toContain(
        check.remediation.cli.includes('"')
          ? check.remediation.cli.replaceAll('"', '""')
          : check.remediation.cli,
      );
    }
  });
});
