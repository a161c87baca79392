import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SCOPE } from '../../../../test/helpers/sample-events.js';
import { auditLogEvent, auditLogPayload } from '../../src/story/index.js';
import { DEMO, runCli } from '../cli/run-cli.js';

const ACCOUNTS_FILE = join('k8s', 'ListServiceAccounts', 'prod.json');
const REPORT = 'arn:aws:eks:eu-west-1:111122223333:cluster/prod/batch/Job/report';
const TOKEN_CHECK = 'k8s-workload-service-account-token';

interface ReplayJson {
  changes: { checkId: string; resourceId: string; transition: string }[];
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function replay(file: string, snapshot: string, data: string): Promise<ReplayJson> {
  const args = ['replay', file, '--snapshot', snapshot, '--data', data, '--format', 'json'];
  const { code, stdout, stderr } = await runCli(...args);
  expect(stderr).not.toMatch(/error|rejected/i);
  expect(code).toBe(0);
  return JSON.parse(stdout) as ReplayJson;
}

describe("customs replay of a ServiceAccount change on the demo's prod cluster", () => {
  it('re-assesses the workloads that run as it: the report Job’s automounted token finding opens, then resolves when the account stops automounting', async () => {
    // Prepare: a copy of the demo, and the payload of a patch of batch's default ServiceAccount
    const work = await mkdtemp(join(tmpdir(), 'customs-audit-sa-'));
    dirs.push(work);
    const snapshot = join(work, 'snapshot');
    const data = join(work, 'data');
    await cp(DEMO, snapshot, { recursive: true });
    const payload = join(work, 'patched.jsonl');
    const change = { resource: 'serviceaccounts', namespace: 'batch', name: 'default' };
    await writeFile(
      payload,
      JSON.stringify(auditLogPayload(DEMO_SCOPE, 'prod', [auditLogEvent({ verb: 'patch', ...change })])),
    );
    // Act: the account as the demo has it, then patched to `automountServiceAccountToken: false`
    const before = await replay(payload, snapshot, data);
    const accountsPath = join(snapshot, ACCOUNTS_FILE);
    const accounts = JSON.parse(await readFile(accountsPath, 'utf8')) as { items: Record<string, unknown>[] };
    const patched = accounts.items.map((item) => {
      const meta = item.metadata as { name?: string; namespace?: string };
      return meta.namespace === 'batch' && meta.name === 'default'
        ? { ...item, automountServiceAccountToken: false }
        : item;
    });
    await writeFile(accountsPath, JSON.stringify({ ...accounts, items: patched }));
    const after = await replay(payload, snapshot, data);
    // Assess: of the cluster's workloads only batch's were assessed (the ECR images their digests
    // run are re-assessed too: the digest index), and the token finding followed the account
    const workloads = new Set(
      before.changes.filter((c) => c.resourceId.includes(':cluster/prod/')).map((c) => c.resourceId),
    );
    expect([...workloads].sort()).toEqual([
      'arn:aws:eks:eu-west-1:111122223333:cluster/prod/batch/CronJob/ledger-export',
      REPORT,
    ]);
    expect(before.changes).toContainEqual(
      expect.objectContaining({ checkId: TOKEN_CHECK, resourceId: REPORT, transition: 'opened' }),
    );
    const tokenChanges = after.changes.filter(
      (c) => c.checkId === TOKEN_CHECK && c.transition !== 'unchanged',
    );
    expect(tokenChanges).toEqual([expect.objectContaining({ resourceId: REPORT, transition: 'resolved' })]);
  }, 180_000);
});
