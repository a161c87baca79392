import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweep, type SweepOutcome } from '@customs/pipeline';
import type { FindingsSummary } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAGING_SNAPSHOT } from '../../src/demo.js';
import { type LocalPipeline, startLocalPipeline } from '../../src/runtime/index.js';
import { type AccountSource, accountSource } from '../../src/start/account-source.js';
import { copySnapshotAs } from '../../src/testing/snapshot-copy.js';

/** The home account: the demo's small staging account, as shipped. */
const HOME = '555566667777';
/** The member: a copy of it under another account id (AWS's shapes, every ARN renamed). */
const MEMBER = '444455556666';
const REPOSITORIES = 'ecr/DescribeRepositories.json';
const sdkSamples = (accountId: string) => `arn:aws:ecr:eu-west-1:${accountId}:repository/sdk-samples`;

const setup = {
  root: '',
  member: '',
  source: undefined as unknown as AccountSource,
  pipeline: undefined as unknown as LocalPipeline,
  first: undefined as unknown as SweepOutcome,
  second: undefined as unknown as SweepOutcome,
  /** Each account's stored counts after the first sweep. */
  before: new Map<string, FindingsSummary>(),
};

beforeAll(async () => {
  setup.root = await mkdtemp(join(tmpdir(), 'customs-routed-sweep-'));
  setup.member = join(setup.root, 'member');
  await copySnapshotAs(DEMO_STAGING_SNAPSHOT, setup.member, HOME, MEMBER);
  setup.source = await accountSource({ snapshots: [DEMO_STAGING_SNAPSHOT, setup.member] });
  setup.pipeline = await startLocalPipeline({
    ...(setup.source.collector ? { collector: setup.source.collector } : {}),
    ...(setup.source.capturedAt ? { assessAt: setup.source.capturedAt } : {}),
  });
  setup.first = await runSweep(setup.pipeline.dependencies);
  for (const accountId of [HOME, MEMBER]) {
    setup.before.set(accountId, await setup.pipeline.repository.summary({ accountId }));
  }
  // The member account's sdk-samples repository is deleted (DescribeRepositories no longer lists it).
  const file = join(setup.member, REPOSITORIES);
  const body = JSON.parse(await readFile(file, 'utf8')) as { repositories: { repositoryName: string }[] };
  body.repositories = body.repositories.filter((each) => each.repositoryName !== 'sdk-samples');
  await writeFile(file, JSON.stringify(body, null, 4));
  setup.second = await runSweep(setup.pipeline.dependencies);
}, 600_000);

afterAll(async () => {
  await setup.pipeline?.stop();
  if (setup.root) await rm(setup.root, { recursive: true, force: true });
});

describe('a sweep of several snapshots (an AccountRouter) resolves each account', () => {
  it("resolves the findings of a resource removed from the second account's snapshot, and leaves the first account's alone", async () => {
    // Prepare: both accounts' sdk-samples findings were stored by the first sweep
    const before = setup.first.changes.filter((change) => change.transition === 'opened');
    expect(before.some((change) => change.resourceId === sdkSamples(MEMBER))).toBe(true);
    expect(before.some((change) => change.resourceId === sdkSamples(HOME))).toBe(true);
    // Act: the second sweep's changes
    const resolved = setup.second.changes.filter((change) => change.transition === 'resolved');
    // Assess: the member's repository's findings, and its image's, resolved; nothing of the home account
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.map((change) => change.resourceId)).toContain(sdkSamples(MEMBER));
    expect(
      resolved.every(
        (change) =>
          change.resourceId === sdkSamples(MEMBER) ||
          change.resourceId.startsWith(`arn:aws:ecr:eu-west-1:${MEMBER}:repository/sdk-samples@`),
      ),
    ).toBe(true);
    const member = await setup.pipeline.repository.findingsForResource(sdkSamples(MEMBER));
    const home = await setup.pipeline.repository.findingsForResource(sdkSamples(HOME));
    expect(member.length).toBeGreaterThan(0);
    // Its failures resolved, none open any more; the home account's sdk-samples still fails, open
    expect(member.filter((finding) => finding.state === 'RESOLVED').length).toBeGreaterThan(0);
    expect(member.filter((finding) => finding.state === 'OPEN')).toEqual([]);
    expect(home.filter((finding) => finding.state === 'OPEN').length).toBeGreaterThan(0);
    expect(home.filter((finding) => finding.state === 'RESOLVED')).toEqual([]);
  });

  it("counts each account's posture apart: the member's FAIL drop by the deleted repository's, the home's stay", async () => {
    // Act
    const member = await setup.pipeline.repository.summary({ accountId: MEMBER });
    const home = await setup.pipeline.repository.summary({ accountId: HOME });
    const all = await setup.pipeline.repository.summary();
    // Assess: the member's FAIL drop by the failures resolved; the home account's counts are as they were
    const resolved = setup.second.changes.filter((change) => change.transition === 'resolved').length;
    expect(resolved).toBeGreaterThanOrEqual(7);
    expect(member.total.FAIL).toBe((setup.before.get(MEMBER)?.total.FAIL ?? 0) - resolved);
    expect(home.total).toEqual(setup.before.get(HOME)?.total);
    expect(home.total.total + member.total.total).toBe(all.total.total);
    expect(setup.second.resources).toBeLessThan(setup.first.resources);
  });
});
