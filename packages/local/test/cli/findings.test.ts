import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApiHandler } from '@customs/api';
import { CATALOG, type Finding } from '@customs/core';
import { FindingsRepository, findingItem, type StoredFinding, SuppressionsRepository } from '@customs/store';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository, user } from '../../../store/test/helpers/findings.js';
import { main } from '../../src/cli/main.js';
import { findFreePort, localDynamoClient } from '../../src/dynamodb/index.js';
import { useDynamoDbLocal } from '../../src/dynamodb/testing.js';
import { type ApiServer, startApiServer } from '../../src/http/index.js';
import { runCli } from './run-cli.js';

const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

const dynamo = useDynamoDbLocal();
const TOKEN = 'cli-token-93b1';

/** More failing findings than one page of 1000, so the command must follow the cursor. */
const MANY = Array.from({ length: 1_050 }, (_, index) =>
  finding(CHECKS.scanOnPush, repository(`cli/repo-${String(index).padStart(4, '0')}`), 'FAIL', at(0)),
);
const PROD = finding(
  CHECKS.endpointNotPublic,
  cluster('prod'),
  'FAIL',
  at(0),
  'prod: endpoint open to 0.0.0.0/0, "quoted"',
);
const PASSING = finding(CHECKS.tagImmutability, repository('cli/passing'), 'PASS', at(0));
/** A resolved finding with a verdict longer than any terminal line. */
const LONG_VERDICT =
  'maria.garcia-with-a-rather-long-user-name has a console password and an MFA device again: a virtual MFA device arn:aws:iam::111122223333:mfa/maria.garcia was enabled after it had been deactivated earlier in the day';
const RESOLVED = finding(
  CHECKS.userMfa,
  user('maria.garcia-with-a-rather-long-user-name'),
  'PASS',
  at(5),
  LONG_VERDICT,
);

function stored(each: Finding): StoredFinding {
  const failing = each.status === 'FAIL';
  if (each === RESOLVED)
    return {
      ...each,
      state: 'RESOLVED',
      version: 2,
      firstSeenAt: at(0),
      lastChangedAt: each.evaluatedAt,
      lastEvaluatedAt: each.evaluatedAt,
      resolvedAt: each.evaluatedAt,
    };
  return {
    ...each,
    state: failing ? 'OPEN' : 'PASSING',
    version: 1,
    firstSeenAt: each.evaluatedAt,
    lastChangedAt: each.evaluatedAt,
    lastEvaluatedAt: each.evaluatedAt,
    ...(failing ? { openedAt: each.evaluatedAt } : {}),
  };
}

const setup = { server: undefined as unknown as ApiServer };
beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const doc = DynamoDBDocumentClient.from(client);
  const items = [...MANY, PROD, PASSING, RESOLVED].map((each) => findingItem(stored(each)));
  for (let start = 0; start < items.length; start += 25) {
    const batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    await doc.send(new BatchWriteCommand({ RequestItems: { [dynamo.tableName]: batch } }));
  }
  const options = { client, tableName: dynamo.tableName };
  const handler = createApiHandler({
    findings: new FindingsRepository(options),
    suppressions: new SuppressionsRepository(options),
    cursorKey: randomBytes(32),
    maxSuppressionDays: 90,
    startSweep: async () => ({ status: 'started', startedAt: new Date().toISOString() }),
  });
  setup.server = await startApiServer({ port: await findFreePort(), handler, token: TOKEN });
});
afterAll(async () => {
  await setup.server?.close();
});

const cli = (...args: string[]) => runCli('findings', '--api', setup.server.url, '--token', TOKEN, ...args);

/** A TTY of `columns` columns, as process.stdout is in a terminal. */
class FakeTty extends Writable {
  text = '';
  isTTY = true;
  constructor(readonly columns: number) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('customs findings on a terminal', () => {
  const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  const onTty = async (columns: number, ...args: string[]) => {
    const out = new FakeTty(columns);
    const err = new FakeTty(columns);
    const code = await main(['findings', '--api', setup.server.url, '--token', TOKEN, ...args], out, err);
    return { code, stdout: out.text, stderr: err.text };
  };
  const checks = ['--check', `${CHECKS.endpointNotPublic.checkId},${CHECKS.userMfa.checkId}`];

  it('fits the table to 80 columns as scan does: failures first, the verdict never cut, colour on a TTY', async () => {
    // Prepare
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    // Act
    const { code, stdout } = await onTty(80, ...checks);
    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain(`${ESC}[31;1mOPEN`);
    const plain = stdout.replace(ANSI, '');
    for (const line of plain.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(plain.replace(/\s+/g, '')).toContain(LONG_VERDICT.replace(/\s+/g, ''));
    const states = plain
      .split('\n')
      .flatMap((line) => (/^(OPEN|RESOLVED) /.test(line) ? [line.split(' ')[0]] : []));
    expect(states).toEqual(['OPEN', 'RESOLVED']);
    expect(plain).toMatch(/\n2 findings: 1 OPEN, 1 RESOLVED\n$/);
    // A wider terminal keeps the verdict on one line
    const wide = (await onTty(400, ...checks)).stdout.replace(ANSI, '');
    expect(wide).toContain(LONG_VERDICT);
  });

  it('has no colour and no width limit through a pipe, or with NO_COLOR on a TTY', async () => {
    process.env.NO_COLOR = '1';
    expect((await onTty(80, ...checks)).stdout).not.toContain(ESC);
    delete process.env.NO_COLOR;
    const piped = await cli(...checks);
    expect(piped.stdout).not.toContain(ESC);
    expect(piped.stdout).toContain(LONG_VERDICT);
  });
});

describe('customs findings', () => {
  it('prints every matching finding as {"findings", "summary"}, following the cursors to the end', async () => {
    // Act
    const { code, stdout, stderr } = await cli('--status', 'FAIL', '--format', 'json');
    // Assess
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { findings, summary } = JSON.parse(stdout) as {
      findings: StoredFinding[];
      summary: { total: number; overall: { failed: number } };
    };
    expect(new Set(findings.map((each) => each.id))).toEqual(new Set([...MANY, PROD].map((each) => each.id)));
    expect(findings).toHaveLength(1_051);
    expect(summary).toMatchObject({ total: 1_051, overall: { failed: 1_051 } });
  });

  it('passes the filters to the API and prints a table or CSV', async () => {
    const table = await cli('--check', CHECKS.endpointNotPublic.checkId, '--severity', 'HIGH');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^STATE\s+SEVERITY\s+CHECK\s+OPEN SINCE\s+RESOURCE\s+MESSAGE\n/);
    expect(table.stdout).toContain(
      `OPEN   high      ${CHECKS.endpointNotPublic.checkId}  ${at(0).slice(0, 10)} ${at(0).slice(11, 16)}  prod`,
    );
    expect(table.stdout).toMatch(/\n1 findings: 1 OPEN\n$/);
    const csv = await cli('--recommendation', 'CSA-4', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe(
      'id,state,status,severity,recommendation,checkId,resourceType,resourceId,accountId,region,message,openedAt,lastChangedAt,suppressionId,title,rationale,remediation,remediationCli,remediationIac,remediationUrl',
    );
    expect(csv.stdout).toContain('"prod: endpoint open to 0.0.0.0/0, ""quoted"""');
    const passing = await cli('--resource-type', 'ecr-repository', '--status', 'PASS', '--format', 'json');
    expect((JSON.parse(passing.stdout) as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('gives each finding its fix: JSON fields, CSV columns, a --details block', async () => {
    const check = CATALOG.get(CHECKS.endpointNotPublic.checkId);
    const json = await cli('--check', CHECKS.endpointNotPublic.checkId, '--format', 'json');
    const [shown] = (JSON.parse(json.stdout) as { findings: Record<string, unknown>[] }).findings;
    expect(shown).toMatchObject({ rationale: check?.rationale, remediation: check?.remediation });
    const csv = await cli('--check', CHECKS.endpointNotPublic.checkId, '--format', 'csv');
    expect(csv.stdout).toContain(check?.remediation.cli);
    const details = await cli('--check', CHECKS.endpointNotPublic.checkId, '--details');
    expect(details.stdout).toContain(`  why:      ${check?.rationale}`);
    expect(details.stdout).toContain(`  fix:      ${check?.remediation.text}`);
    expect(details.stdout).toContain(`      ${check?.remediation.cli}`);
  });

  it('sends repeated and comma-separated filters in any case; an unknown check id is exit 2 with the nearest', async () => {
    const repeated = await cli(
      '--status',
      'fail',
      '--severity',
      'critical',
      '--severity',
      'HIGH',
      '--format',
      'json',
    );
    const comma = await cli('--status', 'FAIL', '--severity', 'critical,high', '--format', 'json');
    expect(repeated.stderr).toBe('');
    expect(repeated.stdout).toBe(comma.stdout);
    expect((JSON.parse(comma.stdout) as { findings: unknown[] }).findings).toHaveLength(1_051);
    const typo = await cli('--check', 'ecr-image-sign');
    expect(typo).toMatchObject({
      code: 2,
      stderr:
        'customs: the API answered 400: checkId: unknown check id ecr-image-sign; did you mean ecr-image-signed?\n',
    });
  });

  it('exits 1 with --fail-on when an open finding fails at or above it, 0 otherwise', async () => {
    const failing = await cli('--check', CHECKS.endpointNotPublic.checkId, '--fail-on', 'high');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe('customs: 1 open finding(s) failing at or above high (--fail-on high)\n');
    const passing = await cli('--check', CHECKS.endpointNotPublic.checkId, '--fail-on', 'critical');
    expect(passing).toMatchObject({ code: 0, stderr: '' });
  });

  it('says what is wrong, exit status 2, for a bad filter, a wrong token, no token or no API', async () => {
    const badFilter = await cli('--severity', 'urgent');
    expect(badFilter).toMatchObject({ code: 2, stdout: '' });
    expect(badFilter.stderr).toMatch(/^customs: the API answered 400: severity: /);
    const wrongToken = await runCli('findings', '--api', setup.server.url, '--token', 'nope');
    expect(wrongToken.stderr).toBe(
      'customs: the API refused the token: pass --token or set CUSTOMS_API_TOKEN to the one customs start printed\n',
    );
    const port = await findFreePort();
    const noApi = await runCli('findings', '--api', `http://127.0.0.1:${port}`, '--token', TOKEN);
    expect(noApi).toMatchObject({
      code: 2,
      stderr: `customs: cannot reach the Customs API at http://127.0.0.1:${port}: start it with customs start, or pass --api URL\n`,
    });
    const previous = process.env.CUSTOMS_API_TOKEN;
    delete process.env.CUSTOMS_API_TOKEN;
    const noToken = await runCli('findings', '--api', setup.server.url);
    if (previous !== undefined) process.env.CUSTOMS_API_TOKEN = previous;
    expect(noToken.stderr).toMatch(/^customs: no API token: pass --token or set CUSTOMS_API_TOKEN/);
  });
});
