import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startLocalPipeline } from '@customs/local';
import { demoCopy } from '../../helpers/demo-copy.js';
import { demoCloudTrail, demoImageAction } from '../../helpers/sample-events.js';
import { fmt } from '../measure.js';

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

/**
 * Events per second through the local bus, the handlers, the snapshot collector and the store on
 * DynamoDB Local, next to the raw PutItem rate of the same DynamoDB Local in the same run (the
 * ratio is the pipeline's overhead per event), and DynamoDB writes per event when nothing changed.
 */
export async function benchPipeline(): Promise<string[]> {
  const pipeline = await startLocalPipeline({ snapshotDir: await demoCopy() });
  try {
    let writes = 0;
    pipeline.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (WRITE_COMMANDS.has(context.commandName ?? '')) writes++;
        return next(args);
      },
      { step: 'initialize', name: 'countWrites' },
    );
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

    const batch = events();
    for (const event of batch) await pipeline.bus.publish(event); // first delivery: writes what is new
    const rounds = 10;
    writes = 0;
    start = performance.now();
    for (let round = 0; round < rounds; round++) for (const event of batch) await pipeline.bus.publish(event);
    const elapsed = performance.now() - start;
    const eventsPerSecond = ((rounds * batch.length) / elapsed) * 1000;
    return [
      'Event pipeline (local bus → handler → snapshot collector → evaluate → store on DynamoDB Local)',
      `  raw PutItem (baseline)         ${fmt(putsPerSecond, 1).padStart(8)} items/s`,
      `  replayed events (re-delivered) ${fmt(eventsPerSecond, 1).padStart(8)} events/s   ratio to PutItem ${fmt(eventsPerSecond / putsPerSecond, 2)}`,
      `  DynamoDB writes per event when nothing changed: ${fmt(writes / (rounds * batch.length), 2)} (${writes} in ${rounds * batch.length} events)`,
    ];
  } finally {
    await pipeline.stop();
  }
}
