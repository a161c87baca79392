import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startLocalPipeline } from '@customs/local';
import { demoCopy } from '../../helpers/demo-copy.js';
import { demoCloudTrail, demoImageAction } from '../../helpers/sample-events.js';
import { fmt } from '../measure.js';
import { benchImageDeployments } from './image-deployments.js';

const IMAGES: [string, string, string][] = [
  ['team/payments-api', 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3', 'v2.13.1'],
  ['team/payments-api', 'sha256:3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b', 'v2.14.0'],
];
const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/** A realistic mix of events for the demo account. */
function events(): unknown[] {
  return [
    ...IMAGES.map(([repository, digest, tag]) => demoImageAction('PUSH', repository, digest, tag)),
    demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' }),
    demoCloudTrail('aws.eks', 'UpdateNodegroupConfig', { name: 'prod', nodegroupName: 'payments' }),
    demoCloudTrail('aws.iam', 'DeactivateMFADevice', { userName: 'tom.becker' }),
    demoCloudTrail('aws.ecr', 'SetRepositoryPolicy', { repositoryName: 'sdk-samples' }),
  ];
}

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

/** Write commands and the write units DynamoDB Local reports for them (ReturnConsumedCapacity). */
function meterWrites(client: DynamoDBClient) {
  const empty = () => ({
    writes: 0,
    units: 0,
    records: 0,
    resources: new Set<string>(),
    transactions: 0,
    others: 0,
  });
  const meter = empty();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITE_COMMANDS.has(context.commandName ?? '')) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity;
      for (const each of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        meter.units += each.CapacityUnits ?? 0;
      }
      meter.writes++;
      if (context.commandName === 'TransactWriteItemsCommand') meter.transactions++;
      const records = evaluationRecordsOf(context.commandName ?? '', input);
      for (const pk of records) {
        meter.records++;
        meter.resources.add(pk);
      }
      // Anything but a record written alone writes findings (or history, counters, the baseline)
      if (context.commandName !== 'UpdateItemCommand' || records.length === 0) meter.others++;
      return result;
    },
    { step: 'initialize', name: 'meterWrites' },
  );
  return {
    meter,
    reset() {
      Object.assign(meter, empty());
    },
  };
}

/** The resources' evaluation records (`PK = RES#…`) a write command writes. */
function evaluationRecordsOf(name: string, input: Record<string, unknown>): string[] {
  const keys =
    name === 'TransactWriteItemsCommand'
      ? ((input.TransactItems ?? []) as { Update?: { Key?: Record<string, unknown> } }[]).map(
          (item) => item.Update?.Key,
        )
      : [input.Key as Record<string, unknown> | undefined];
  return keys.flatMap((key) => {
    const pk = key?.PK as { S?: string } | string | undefined;
    const value = typeof pk === 'string' ? pk : pk?.S;
    return value?.startsWith('RES#') ? [value] : [];
  });
}

/**
 * Events per second through the local bus, the handlers, the snapshot collector and the store on
 * DynamoDB Local, next to the raw PutItem rate of the same DynamoDB Local in the same run (the
 * ratio is the pipeline's overhead per event); DynamoDB writes and write units (as DynamoDB Local
 * reports them) per unchanged event and per evaluated resource, next to a raw PutItem's units.
 */
async function benchEvents(): Promise<string[]> {
  const pipeline = await startLocalPipeline({ snapshotDir: await demoCopy() });
  try {
    const { meter, reset } = meterWrites(pipeline.client);
    // Baseline: raw PutItem of a finding-sized item, one after another, as an event handler writes.
    const puts = 300;
    let start = performance.now();
    for (let i = 0; i < puts; i++) {
      await pipeline.client.send(
        new PutItemCommand({
          TableName: pipeline.tableName,
          Item: { PK: { S: `BENCH#${i}` }, SK: { S: 'FINDING' }, message: { S: 'x'.repeat(400) } },
        }),
      );
    }
    const putsPerSecond = (puts / (performance.now() - start)) * 1000;
    const unitsPerPut = meter.units / puts;

    const batch = events();
    reset();
    let changed = 0;
    for (const event of batch) {
      const delivery = await pipeline.bus.publish(event); // first delivery: writes what is new
      if (delivery.outcome !== 'delivered') continue;
      const changes = delivery.results.flatMap((result) => result.changes);
      changed += changes.filter((c) => c.transition !== 'unchanged' && c.transition !== 'stale').length;
    }
    const first = { ...meter };
    const rounds = 10;
    reset();
    start = performance.now();
    let evaluated = 0;
    for (let round = 0; round < rounds; round++) {
      for (const event of batch) {
        const delivery = await pipeline.bus.publish(event);
        if (delivery.outcome === 'delivered') {
          evaluated += delivery.results.reduce((sum, result) => sum + result.changes.length, 0);
        }
      }
    }
    const elapsed = performance.now() - start;
    const eventsPerSecond = ((rounds * batch.length) / elapsed) * 1000;
    const delivered = rounds * batch.length;
    const evaluations = meter.records;
    return [
      'Event pipeline (local bus → handler → snapshot collector → evaluate → store on DynamoDB Local)',
      `  raw PutItem (baseline)         ${fmt(putsPerSecond, 1).padStart(8)} items/s   ${fmt(unitsPerPut, 2)} WRU each`,
      `  replayed events (re-delivered) ${fmt(eventsPerSecond, 1).padStart(8)} events/s   ratio to PutItem ${fmt(eventsPerSecond / putsPerSecond, 2)}`,
      `  unchanged events: ${fmt(meter.writes / delivered, 2)} writes and ${fmt(meter.units / delivered, 2)} WRU per event; per resource evaluated ${fmt(meter.writes / evaluations, 2)} writes and ${fmt(meter.units / evaluations, 2)} WRU (raw PutItem ${fmt(unitsPerPut, 2)} WRU)`,
      `    (${meter.writes} writes, ${fmt(meter.units)} WRU in ${delivered} events that evaluated ${evaluations} times ${meter.resources.size} resources, ${evaluated} findings: ${fmt(evaluated / evaluations, 1)} findings per resource; ${meter.others} writes of anything but a record)`,
      `  first delivery: ${changed} finding changes in ${first.transactions} transactions, ${fmt(first.units)} WRU (${fmt(first.units / Math.max(1, changed), 1)} WRU per changed finding, GSIs and counters included)`,
    ];
  } finally {
    await pipeline.stop();
  }
}

/** The event pipeline's figures, then one scan result re-assessing the 500 tasks that run its digest. */
export async function benchPipeline(): Promise<string[]> {
  return [...(await benchEvents()), '', ...(await benchImageDeployments())];
}
