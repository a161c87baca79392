import { fileURLToPath } from 'node:url';
import { AwsCollector, isDue, snapshotPath } from '@customs/aws';
import { DEFAULT_CONFIG } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockedAws, mockAws } from '../../aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir, type SnapshotFiles } from '../../aws/test/live/helpers/snapshot-files.js';
import { recordCommands } from '../../store/test/helpers/repository.js';
import type { PipelineDependencies } from '../src/index.js';
import { runSweep } from '../src/run-sweep.js';

const DEMO = fileURLToPath(new URL('../../local/snapshots/demo/', import.meta.url));
const REGION = 'eu-west-1';
const PER_IMAGE = ['ecr:DescribeImageSigningStatus', 'ecr:ListImageReferrers'];
const DAY = 86_400_000;

/** The demo account's ECR (its deployments read their running images themselves). */
function demoEcr(): SnapshotFiles {
  return new Map([...readSnapshotDir(DEMO)].filter(([path]) => path.startsWith('ecr/')));
}

describe('the incremental sweep over the findings store', () => {
  const dynamo = useDynamoDbLocal();
  const clock = { now: new Date('2026-12-01T06:00:00.000Z') };
  const files = demoEcr();
  let aws: MockedAws;
  let dependencies: PipelineDependencies;
  let log: ReturnType<typeof recordCommands>;
  const perImageCalls = () => aws.sent.filter((command) => PER_IMAGE.includes(command.action));

  beforeAll(async () => {
    aws = mockAws(files, { emptyWhenMissing: PER_IMAGE });
    log = recordCommands(dynamo.client);
    dependencies = {
      collector: await AwsCollector.open({ region: REGION, clients: aws.clients(REGION) }),
      repository: new FindingsRepository({
        client: dynamo.client,
        tableName: dynamo.tableName,
        clock: () => clock.now,
      }),
      config: DEFAULT_CONFIG,
      clock: () => clock.now,
      // the checks judge at one time (image age moves with the clock); the reads follow the clock
      assessAt: () => new Date('2026-12-01T06:00:00.000Z'),
    };
  });
  afterAll(() => aws?.restore());

  it('a steady-state second sweep makes no per-image call and writes no finding; a new and a due digest are read', async () => {
    // Prepare: the first sweep reads every image
    const first = await runSweep(dependencies);
    const images = first.changes.filter((change) => change.resourceId.includes('@sha256:'));
    const imageCount = new Set(images.map((change) => change.resourceId)).size;
    expect(perImageCalls()).toHaveLength(2 * imageCount);

    // Act: the same account an hour later
    aws.sent.splice(0);
    log.clear();
    clock.now = new Date(clock.now.getTime() + 3_600_000);
    const second = await runSweep(dependencies);

    // Assess: no per-image call, every finding unchanged, no finding written
    expect(perImageCalls()).toEqual([]);
    expect(new Set(second.changes.map((change) => change.transition))).toEqual(new Set(['unchanged']));
    expect(second.findings).toBe(first.findings);
    expect(log.names()).not.toContain('TransactWriteItemsCommand');
    expect(log.names()).not.toContain('BatchWriteItemCommand');

    // Prepare: a digest pushed to node-base, and the next day's sweep
    const path = snapshotPath('ecr', 'DescribeImages', 'platform/node-base');
    const listed = files.get(path) as { imageDetails: Record<string, unknown>[] };
    const pushed = `sha256:${'cd'.repeat(32)}`;
    files.set(path, {
      imageDetails: [...listed.imageDetails, { ...listed.imageDetails[0], imageDigest: pushed }],
    });
    aws.sent.splice(0);
    const readAt = '2026-12-01T06:00:00.000Z'; // the first sweep's
    const digests = [...new Set(images.map((change) => change.resourceId.split('@')[1] ?? ''))];
    const dueOn = (at: Date) => digests.filter((digest) => isDue(digest, readAt, at));
    // the first day on which some images, not all, are due
    let later = new Date(clock.now.getTime() + DAY);
    while (dueOn(later).length === 0 || dueOn(later).length === digests.length) {
      later = new Date(later.getTime() + DAY);
    }
    clock.now = later;

    // Act
    const third = await runSweep(dependencies);

    // Assess: the new digest is read, with the images due today; what was not read kept its verdicts
    const read = perImageCalls()
      .filter((command) => command.action === 'ecr:DescribeImageSigningStatus')
      .map((command) => (command.input as { imageId?: { imageDigest?: string } }).imageId?.imageDigest);
    expect(read.sort()).toEqual([pushed, ...dueOn(later)].sort());
    const changed = third.changes.filter((change) => change.transition !== 'unchanged');
    expect(new Set(changed.map((change) => change.resourceId))).toEqual(
      new Set([`arn:aws:ecr:eu-west-1:111122223333:repository/platform/node-base@${pushed}`]),
    );
  }, 120_000);
});
