import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SnapshotCollector } from '@customs/aws';
import { DEFAULT_CONFIG } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSnapshot } from '../../aws/test/helpers/snapshot-dir.js';
import { ecrEksSnapshot } from '../../aws/test/helpers/snapshots.js';
import { recordCommands } from '../../store/test/helpers/repository.js';
import { assessRefs } from '../src/assess-refs.js';
import type { PipelineDependencies } from '../src/index.js';
import { runSweep } from '../src/run-sweep.js';

describe("the day's posture record, written by the sweep and by the events that change a finding", () => {
  const dynamo = useDynamoDbLocal();
  const clock = { now: new Date('2026-11-28T06:00:00.000Z') };
  let dir: string;
  let dependencies: PipelineDependencies;
  let repository: FindingsRepository;
  let log: ReturnType<typeof recordCommands>;
  const ref = { type: 'ecr-repository' as const, name: 'team/app' };
  const today = () => repository.postureDays('2026-11-28', '2026-11-28');

  beforeAll(async () => {
    dir = await writeSnapshot(ecrEksSnapshot());
    log = recordCommands(dynamo.client);
    repository = new FindingsRepository({
      client: dynamo.client,
      tableName: dynamo.tableName,
      clock: () => clock.now,
    });
    dependencies = {
      collector: await SnapshotCollector.open(dir, { rereadEachCollect: true }),
      repository,
      config: DEFAULT_CONFIG,
      clock: () => clock.now,
    };
  });

  it("records the posture at the sweep's end, and again after an event that changed a finding only", async () => {
    // Act: the morning sweep
    await runSweep(dependencies);
    // Assess: the day has the sweep's reading, the summary as it was then
    const [morning] = await today();
    expect(morning?.asOf).toBe('2026-11-28T06:00:00.000Z');
    expect(morning?.total).toEqual((await repository.summary()).total);
    const failedBefore = morning?.total.FAIL ?? 0;

    // Act: at noon an event for the repository, then the same event again at one
    clock.now = new Date('2026-11-28T12:00:00.000Z');
    await assessRefs([ref], dependencies);
    const [noon] = await today();
    clock.now = new Date('2026-11-28T13:00:00.000Z');
    log.clear();
    const again = await assessRefs([ref], dependencies);
    // Assess: the repeated event changed nothing, so it wrote no posture
    expect(new Set(again.changes.map((change) => change.transition))).toEqual(new Set(['unchanged']));
    expect(log.names()).not.toContain('PutItemCommand');
    expect((await today())[0]?.asOf).toBe(noon?.asOf);

    // Act: in the evening its tags become mutable, and the event says so
    clock.now = new Date('2026-11-28T18:00:00.000Z');
    const file = join(dir, 'ecr/DescribeRepositories.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"IMMUTABLE"', '"MUTABLE"'));
    const changed = await assessRefs([ref], dependencies);
    // Assess: the finding opened and the day's record is the evening's posture
    expect(changed.changes.map((change) => change.transition)).toContain('opened');
    const [evening] = await today();
    expect(evening?.asOf).toBe('2026-11-28T18:00:00.000Z');
    expect(evening?.total.FAIL).toBe(failedBefore + 1);
  });
});
