import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoImageAction } from '../../../../test/helpers/sample-events.js';
import { DEMO_SNAPSHOT } from '../../src/demo.js';
import { accountSource } from '../../src/start/account-source.js';
import { copySnapshotAs } from '../../src/testing/snapshot-copy.js';
import { runCli } from '../cli/run-cli.js';

const HOME = '111122223333';
const MEMBER = '444455556666';

/** A second account: the demo's snapshot (AWS's response shapes) as the member account holds it. */
function memberCopy(root: string): Promise<string> {
  return copySnapshotAs(DEMO_SNAPSHOT, join(root, 'member'), HOME, MEMBER);
}

const setup = { root: '', member: '' };
beforeAll(async () => {
  setup.root = await mkdtemp(join(tmpdir(), 'customs-accounts-'));
  setup.member = await memberCopy(setup.root);
});
afterAll(async () => {
  await rm(setup.root, { recursive: true, force: true });
});

describe('customs start with several snapshots (one account each)', () => {
  it('reads every account in a sweep, each resource under its own account', async () => {
    // Prepare
    const source = await accountSource({ snapshots: [DEMO_SNAPSHOT, setup.member] });
    // Act
    const result = await source.collector?.collectAll();
    // Assess
    expect(source.label).toBe(
      `2 accounts from snapshots: ${HOME} (${DEMO_SNAPSHOT}), ${MEMBER} (${setup.member})`,
    );
    const resources = result?.resources ?? [];
    const home = resources.filter((resource) => resource.accountId === HOME);
    const member = resources.filter((resource) => resource.accountId === MEMBER);
    expect(home.length).toBeGreaterThan(0);
    expect(member.length).toBe(home.length);
    expect(home.length + member.length).toBe(resources.length);
    expect(member.every((resource) => !resource.id.includes(HOME))).toBe(true);
  });

  it("routes each ref to its account's snapshot, and ignores an account no snapshot holds, with the reason", async () => {
    // Prepare
    const source = await accountSource({ snapshots: [DEMO_SNAPSHOT, setup.member] });
    const repository = { type: 'ecr-repository', name: 'team/payments-api' } as const;
    // Act
    const result = await source.collector?.collect([
      repository,
      { ...repository, accountId: MEMBER },
      { ...repository, accountId: '999999999999' },
    ]);
    // Assess
    expect(result?.resources.map((resource) => resource.id)).toEqual([
      `arn:aws:ecr:eu-west-1:${HOME}:repository/team/payments-api`,
      `arn:aws:ecr:eu-west-1:${MEMBER}:repository/team/payments-api`,
    ]);
    expect(result?.warnings).toEqual([
      expect.stringContaining('account 999999999999 is not in the organisation: ignored'),
    ]);
  });

  it('refuses two snapshots of one account, naming both folders', async () => {
    // Act / Assess
    await expect(accountSource({ snapshots: [DEMO_SNAPSHOT, DEMO_SNAPSHOT] })).rejects.toThrow(
      `--snapshot ${DEMO_SNAPSHOT} and ${DEMO_SNAPSHOT} are both account ${HOME}: one folder per account`,
    );
  });

  it("customs replay reads each event in its account's snapshot, and ignores an account no snapshot holds", async () => {
    // Prepare: the same ECR push (AWS's sample) from the member account and from an unknown one.
    const digest = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
    const push = demoImageAction('PUSH', 'team/payments-api', digest, 'v2.13.1') as unknown as {
      account: string;
    };
    const events = [
      { ...push, account: MEMBER },
      { ...push, account: '999999999999' },
    ];
    const file = join(setup.root, 'events.json');
    await writeFile(file, JSON.stringify(events));
    // Act
    const { code, stdout } = await runCli(
      'replay',
      file,
      '--snapshot',
      DEMO_SNAPSHOT,
      '--snapshot',
      setup.member,
      '--format',
      'json',
      '--rejected',
      join(setup.root, 'rejected.jsonl'),
    );
    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      changes: { event: number; resourceId?: string; findingId: string }[];
      ignored: { event: number; reason: string }[];
    };
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.changes.every((change) => change.event === 0)).toBe(true);
    expect(report.ignored).toEqual([
      {
        event: 1,
        reason: expect.stringContaining('account 999999999999 is not in the organisation: ignored'),
      },
    ]);
  }, 300_000);
});
