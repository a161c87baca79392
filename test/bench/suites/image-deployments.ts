import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Collector } from '@customs/aws';
import type { EcsTaskDefinition, ResourceRef } from '@customs/core';
import { startLocalPipeline } from '@customs/local';
import { assessRefs, processEvent } from '@customs/pipeline';
import { ecsContainer, sampleTaskDefinition } from '../../../packages/core/test/helpers/ecs.js';
import { demoCopy } from '../../helpers/demo-copy.js';
import { DEMO_SCOPE, sampleEvent } from '../../helpers/sample-events.js';
import { fmt } from '../measure.js';

const DIGEST = 'sha256:3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';
const REGISTRY = `${DEMO_SCOPE.accountId}.dkr.ecr.${DEMO_SCOPE.region}.amazonaws.com`;
const SERVICES = 10;
const REVISIONS = 50;
const TASKS_EACH = 10;
const READS = new Set(['QueryCommand', 'BatchGetItemCommand', 'GetItemCommand']);
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
]);

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

/** DynamoDB calls and capacity units (as DynamoDB Local reports them), reads and writes apart. */
function meter(client: DynamoDBClient) {
  const counts = { reads: 0, readUnits: 0, writes: 0, writeUnits: 0, queries: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? '';
      const read = READS.has(name);
      if (!read && !WRITES.has(name)) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
        (sum, each) => sum + (each.CapacityUnits ?? 0),
        0,
      );
      if (read) {
        counts.reads++;
        counts.readUnits += units;
        if (name === 'QueryCommand') counts.queries++;
      } else {
        counts.writes++;
        counts.writeUnits += units;
      }
      return result;
    },
    { step: 'initialize', name: 'meterImageDeployments' },
  );
  return {
    counts,
    reset: () => Object.assign(counts, { reads: 0, readUnits: 0, writes: 0, writeUnits: 0, queries: 0 }),
  };
}

/** 50 revisions of 10 services, 10 running tasks each: 500 tasks running the payments image. */
function revisions(): EcsTaskDefinition[] {
  return Array.from({ length: REVISIONS }, (_, index) => {
    const family = `payments-${index % SERVICES}`;
    const revision = Math.floor(index / SERVICES) + 1;
    return sampleTaskDefinition({
      family,
      revision,
      id: `arn:aws:ecs:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:task-definition/${family}:${revision}`,
      name: `${family}:${revision}`,
      ...DEMO_SCOPE,
      containers: [
        ecsContainer({ image: `${REGISTRY}/team/payments-api:v2.14.0`, runningDigests: [DIGEST] }),
      ],
      use: { latestActive: false, services: [`payments/${family}`], runningTasks: TASKS_EACH },
    });
  });
}

/**
 * The demo's collector, but the 50 generated revisions are read from memory (their ECS reads are
 * the collector's, measured by the sweep-ecs suite): what this suite measures is the store's side.
 */
function withRevisions(collector: Collector, generated: EcsTaskDefinition[]): Collector & { refs: number } {
  const byName = new Map(generated.map((revision) => [revision.name, revision]));
  const wrapped = {
    scope: collector.scope,
    refs: 0,
    collectAll: () => collector.collectAll(),
    async collect(refs: ResourceRef[]) {
      const own = refs.filter((ref) => ref.type === 'ecs-task-definition' && byName.has(ref.name));
      wrapped.refs += own.length;
      const rest = await collector.collect(refs.filter((ref) => !own.includes(ref)));
      return {
        ...rest,
        resources: [...rest.resources, ...own.map((ref) => byName.get(ref.name) as EcsTaskDefinition)],
      };
    },
  };
  return wrapped;
}

/**
 * One ECR scan result for a digest that 500 tasks run (50 revisions of 10 services): the
 * deployments it re-assesses, and the DynamoDB reads and writes per re-assessed deployment, next
 * to the minimum (one small write of its evaluation record; its record and findings in the batch
 * read; one Query of the digest's index partition for them all).
 */
export async function benchImageDeployments(): Promise<string[]> {
  const pipeline = await startLocalPipeline({ snapshotDir: await demoCopy() });
  try {
    const generated = revisions();
    const collector = withRevisions(pipeline.dependencies.collector, generated);
    const dependencies = { ...pipeline.dependencies, collector };
    const { counts, reset } = meter(pipeline.client);
    const sample = sampleEvent('ecr-image-scan-basic');
    const scan = {
      ...sample,
      ...DEMO_SCOPE,
      account: DEMO_SCOPE.accountId,
      resources: [`arn:aws:ecr:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:repository/team/payments-api`],
      detail: { ...sample.detail, 'repository-name': 'team/payments-api', 'image-digest': DIGEST },
    };
    // Prepare: the deployments are assessed once (as their events would), which indexes them;
    // a few at a time, as their events come (DynamoDB Local's locks time out on a busy machine)
    for (let first = 0; first < generated.length; first += SERVICES) {
      const refs = generated
        .slice(first, first + SERVICES)
        .map((revision): ResourceRef => ({ type: 'ecs-task-definition', name: revision.name }));
      await assessRefs(refs, dependencies);
    }
    collector.refs = 0;
    reset();
    const start = performance.now();
    const outcome = await processEvent(scan, dependencies);
    const elapsed = performance.now() - start;
    const deployments = new Set(
      outcome.changes.filter((c) => c.resourceId.includes(':task-definition/')).map((c) => c.resourceId),
    ).size;
    const per = (value: number) => fmt(value / Math.max(1, deployments), 2);
    return [
      `One ECR scan result for a digest run by ${REVISIONS * TASKS_EACH} tasks (${REVISIONS} revisions of ${SERVICES} services), on DynamoDB Local`,
      `  re-assessed deployments: ${deployments} of ${REVISIONS} indexed (collector refs ${collector.refs}); ${fmt(elapsed, 0)} ms`,
      `  per deployment: ${per(counts.writes)} writes, ${per(counts.writeUnits)} WRU (minimum 1.00 write, 1.00 WRU: its evaluation record); ${per(counts.reads)} read calls, ${per(counts.readUnits)} RRU`,
      `    (${counts.writes} writes, ${fmt(counts.writeUnits)} WRU; ${counts.reads} reads of which ${counts.queries} Query, ${fmt(counts.readUnits)} RRU — the image's own re-assessment included)`,
    ];
  } finally {
    await pipeline.stop();
  }
}
