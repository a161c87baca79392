import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApiHandler } from '@customs/api';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, finding, repository } from '../../../store/test/helpers/findings.js';
import { findFreePort, localDynamoClient } from '../../src/dynamodb/index.js';
import { useDynamoDbLocal } from '../../src/dynamodb/testing.js';
import { type ApiServer, startApiServer } from '../../src/http/index.js';
import { DEMO, runCli } from './run-cli.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));
/** A process start takes seconds on a loaded machine: these tests wait for the outcome, not a time. */
const SLOW = { timeout: 240_000 };
const dynamo = useDynamoDbLocal();
const TOKEN = 'suppress-token-7c21';
const FAILING = Array.from({ length: 55 }, (_, index) =>
  finding(CHECKS.scanOnPush, repository(`mute/repo-${String(index).padStart(2, '0')}`), 'FAIL', at(0)),
);

const setup = { server: undefined as unknown as ApiServer, dir: '' };
beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const options = { client, tableName: dynamo.tableName };
  const findings = new FindingsRepository(options);
  await findings.applyEvaluation(FAILING);
  const handler = createApiHandler({
    findings,
    suppressions: new SuppressionsRepository(options),
    cursorKey: randomBytes(32),
    maxSuppressionDays: 90,
    startSweep: async () => ({ status: 'started', startedAt: new Date().toISOString() }),
  });
  setup.server = await startApiServer({ port: await findFreePort(), handler, token: TOKEN });
  setup.dir = await mkdtemp(join(tmpdir(), 'customs-suppress-'));
});
afterAll(async () => {
  await setup.server?.close();
  await rm(setup.dir, { recursive: true, force: true });
});

/** `customs ...` in-process, against the test's API. */
const inProcess = (...args: string[]) => {
  const api = ['suppress', 'suppressions', 'unsuppress'].includes(args[0] ?? '');
  return runCli(...args, ...(api ? ['--api', setup.server.url, '--token', TOKEN] : []));
};

/** `customs ...` as a process (the bin, as npx runs it): its exit status, stdout and stderr. */
async function customs(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, CUSTOMS_API_URL: setup.server.url, CUSTOMS_API_TOKEN: TOKEN };
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('customs suppress, suppressions and unsuppress (against the API)', () => {
  it('refuses to mute 55 findings without --confirm, then suppresses, lists and deletes', SLOW, async () => {
    const why = ['--reason', 'Rebuilt nightly', '--owner', 'platform', '--expires', '7d'];
    const refused = await customs('suppress', '--resource', 'arn:aws:ecr:*:repository/mute/*', ...why);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /answered 400: confirm: it covers 55 open findings, more than maxSuppressionMatches \(50\)/,
    );
    const missing = await inProcess(
      'suppress',
      '--check',
      CHECKS.scanOnPush.checkId,
      '--owner',
      'x',
      '--expires',
      '7d',
    );
    expect(missing).toMatchObject({ code: 2, stderr: 'customs: --reason is required\n' });

    const created = await inProcess(
      'suppress',
      '--resource',
      'arn:aws:ecr:*:repository/mute/*',
      ...why,
      '--confirm',
    );
    expect(created.code).toBe(0);
    const id = /^Suppression ([0-9a-f-]{36}) until \S+: 55 findings suppressed$/m.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    const listed = await inProcess('suppressions', '--format', 'json');
    expect(JSON.parse(listed.stdout)).toMatchObject({
      suppressions: [{ id, owner: 'platform', reason: 'Rebuilt nightly', active: true }],
    });
    const table = await inProcess('suppressions');
    expect(table.stdout).toContain(id);
    expect(table.stdout).toMatch(/1 suppressions\n$/);

    const deleted = await inProcess('unsuppress', id ?? '');
    expect(deleted).toMatchObject({ code: 0, stdout: `Suppression ${id} deleted: 55 findings reopened\n` });
    const again = await inProcess('unsuppress', id ?? '');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('answered 404');
  });
});

describe('customs scan --suppressions FILE (offline)', () => {
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const file = async (name: string, content: unknown) => {
    const path = join(setup.dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('reports the covered failures SUPPRESSED in JSON, the table and the summary', SLOW, async () => {
    const path = await file('ok.json', {
      suppressions: [
        {
          checkId: 'eks-cluster-deletion-protection',
          reason: 'Legacy, retiring',
          owner: 'platform',
          expiresAt: expires,
        },
      ],
    });
    const json = await customs('scan', '--snapshot', DEMO, '--format', 'json', '--suppressions', path);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      findings: { checkId: string; status: string; state?: string; suppressedBy?: unknown }[];
      summary: { overall: { failed: number; suppressed: number } };
    };
    const muted = report.findings.filter((f) => f.state === 'SUPPRESSED');
    expect(muted.length).toBeGreaterThan(0);
    expect(muted.every((f) => f.checkId === 'eks-cluster-deletion-protection' && f.status === 'FAIL')).toBe(
      true,
    );
    expect(muted[0]?.suppressedBy).toEqual({
      entry: 1,
      owner: 'platform',
      reason: 'Legacy, retiring',
      expiresAt: expires,
    });
    expect(report.summary.overall.suppressed).toBe(muted.length);
    const table = await inProcess(
      'scan',
      '--snapshot',
      DEMO,
      '--check',
      'eks-cluster-deletion-protection',
      '--suppressions',
      path,
    );
    expect(table.stdout).toMatch(/^SUPPRESSED\s+\S+\s+eks-cluster-deletion-protection/m);
    expect(table.stdout).toContain(`of the FAIL ${muted.length} SUPPRESSED`);
  });

  it(
    'exits 2 naming the entry and field of a wrong file, and the count of an unconfirmed "*"',
    SLOW,
    async () => {
      const noOwner = await file('no-owner.json', [
        { checkId: 'eks-cluster-deletion-protection', reason: 'x', owner: 'a', expiresAt: expires },
        { checkId: 'iam-user-mfa-enabled', reason: 'Break-glass', expiresAt: expires },
      ]);
      const wrong = await inProcess('scan', '--snapshot', DEMO, '--suppressions', noOwner);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(
        /--suppressions \S+no-owner\.json: entry 2 \(iam-user-mfa-enabled\): owner: /,
      );
      const all = await file('all.json', [
        { resourcePattern: '*', reason: 'x', owner: 'a', expiresAt: expires },
      ]);
      const star = await inProcess('scan', '--snapshot', DEMO, '--suppressions', all);
      expect(star.code).toBe(2);
      expect(star.stderr).toMatch(
        /entry 1 \(\*\): resourcePattern \* covers every resource \(\d+ open findings/,
      );
      const notJson = await inProcess(
        'scan',
        '--snapshot',
        DEMO,
        '--suppressions',
        await file('bad.json', '{'),
      );
      expect(notJson).toMatchObject({ code: 2, stderr: expect.stringContaining('bad.json: not JSON') });
    },
  );
});
