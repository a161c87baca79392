import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CATALOG, type Finding, findingId, type Status } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFindingsTable, findingItem } from '../src/index.js';
import { decideEvaluation } from '../src/lifecycle.js';
import { ACCOUNT, at, image, REGION, type ResourceMeta } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

/**
 * The write and read units each store operation consumes, as DynamoDB Local reports them
 * (`ReturnConsumedCapacity: INDEXES`): the figures docs/cost.md prices. DynamoDB Local bills a
 * GSI write made inside a transaction like the transaction's own writes (2 WRU per KB).
 */
const dynamo = useDynamoDbLocal();

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

type Action = Record<string, Record<string, unknown>>;

/** An action without its condition (and the placeholders only the condition used), for the replay. */
function unconditioned(kind: string, action: Record<string, unknown>, tableName: string) {
  const { ConditionExpression: _condition, ...rest } = action;
  const used = [rest.UpdateExpression, rest.KeyConditionExpression].filter(Boolean).join(' ');
  const keep = (values: unknown) =>
    values === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(values as object).filter(([name]) => new RegExp(`${name}(?![\\w])`).test(used)),
        );
  const names = keep(rest.ExpressionAttributeNames);
  const values = keep(rest.ExpressionAttributeValues);
  return {
    [kind]: {
      ...rest,
      TableName: tableName,
      ExpressionAttributeNames: names && Object.keys(names).length > 0 ? names : undefined,
      ExpressionAttributeValues: values && Object.keys(values).length > 0 ? values : undefined,
    },
  };
}

/**
 * Records the capacity of what the store does. DynamoDB Local's ConsumedCapacity of a
 * TransactWriteItems of several actions is not their sum (a 5-finding transaction reports one
 * finding's index writes), so every write the store makes is also replayed on a shadow table of
 * the same definition, one action per TransactWriteItems (UpdateItem as itself), and each action's
 * reported units are added up: table and per index. Reads are measured as they are sent.
 */
function recordCapacity(client: DynamoDBClient, shadow: string) {
  const totals = { writes: 0, reads: 0, calls: [] as string[], indexes: {} as Record<string, number> };
  const add = (consumed: Consumed | Consumed[] | undefined, isWrite: boolean) => {
    for (const each of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      if (isWrite) totals.writes += each.CapacityUnits ?? 0;
      else totals.reads += each.CapacityUnits ?? 0;
      for (const [index, { CapacityUnits = 0 }] of Object.entries(each.GlobalSecondaryIndexes ?? {})) {
        totals.indexes[index] = (totals.indexes[index] ?? 0) + CapacityUnits;
      }
    }
  };
  const replayer = DynamoDBDocumentClient.from(localDynamoClient(dynamo.endpoint));
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName).replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      const isWrite = /^(Put|Update|Delete|TransactWrite|BatchWrite)/.test(name);
      if (!isWrite) input.ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      totals.calls.push(name);
      if (!isWrite) {
        add((result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity, false);
        return result;
      }
      const actions: Action[] =
        name === 'TransactWriteItems' ? (input.TransactItems as Action[]) : [{ Update: input }];
      for (const action of actions) {
        const [kind, body] = Object.entries(action)[0] as [string, Record<string, unknown>];
        const replay = await replayer.send(
          new TransactWriteCommand({
            TransactItems: [unconditioned(kind, body, shadow) as never],
            ReturnConsumedCapacity: 'INDEXES',
          }),
        );
        const units = replay.ConsumedCapacity as Consumed[] | undefined;
        // A lone UpdateItem is a standard write: half a transaction's units.
        add(name === 'TransactWriteItems' ? units : units?.map((each) => halved(each)), true);
      }
      return result;
    },
    { step: 'initialize', name: 'recordCapacity' },
  );
  return {
    take() {
      const taken = { ...totals, indexes: { ...totals.indexes }, calls: [...totals.calls] };
      Object.assign(totals, { writes: 0, reads: 0, calls: [], indexes: {} });
      return taken;
    },
  };
}

function halved(each: Consumed): Consumed {
  return {
    CapacityUnits: (each.CapacityUnits ?? 0) / 2,
    GlobalSecondaryIndexes: Object.fromEntries(
      Object.entries(each.GlobalSecondaryIndexes ?? {}).map(([name, { CapacityUnits = 0 }]) => [
        name,
        { CapacityUnits: CapacityUnits / 2 },
      ]),
    ),
  };
}

const IMAGE_CHECKS = CATALOG.byResourceType('ecr-image').filter((check) => !check.id.includes('deployed'));

/** An image's five findings as the catalog names them, with messages of a realistic length. */
function imageFindings(resource: ResourceMeta, minutes: number, failing: readonly string[]): Finding[] {
  return IMAGE_CHECKS.slice(0, 5).map((check) => {
    const status: Status = failing.includes(check.id) ? 'FAIL' : 'PASS';
    return {
      id: findingId(check.id, resource.id),
      checkId: check.id,
      title: check.title,
      resourceType: 'ecr-image',
      resourceId: resource.id,
      resourceName: resource.name,
      accountId: ACCOUNT,
      region: REGION,
      status,
      severity: check.severity,
      recommendation: check.recommendation,
      message: `${check.id} ${status}: 3 critical and 12 high findings in the latest scan (CVE-2024-12345)`,
      evaluatedAt: at(minutes),
    };
  });
}

const digest = (n: number) => `sha256:${String(n).padStart(64, '0')}`;

/** DynamoDB's item size: attribute names and values (UTF-8), numbers about half their digits. */
function itemSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return 1 + Math.ceil(String(value).length / 2);
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, each) => sum + 1 + itemSize(each), 0);
  if (typeof value === 'object' && value) {
    return (
      3 +
      Object.entries(value).reduce(
        (sum, [name, each]) => sum + Buffer.byteLength(name) + 1 + itemSize(each),
        0,
      )
    );
  }
  return 0;
}

describe('consumed capacity per store operation (DynamoDB Local, ReturnConsumedCapacity INDEXES)', () => {
  const shadow = `shadow-${dynamo.tableName}`;
  beforeAll(async () => {
    await createFindingsTable(dynamo.client, shadow);
  });
  const client = () => localDynamoClient(dynamo.endpoint);

  it('keeps an image finding item under 2 KB, so each copy of it is 2 WRU in a transaction', () => {
    // Prepare
    const resource = image('team/payments-api', digest(1));
    const [first] = imageFindings(
      resource,
      0,
      IMAGE_CHECKS.map((check) => check.id),
    );
    // Act
    const item = findingItem(decideEvaluation(undefined, first as Finding).next as never);
    // Assess
    expect(itemSize(item)).toBeGreaterThan(1024);
    expect(itemSize(item)).toBeLessThanOrEqual(2048);
  });

  it('measures a push, its scan, the sweep re-reading it unchanged, and its deletion', async () => {
    // Prepare
    const measured = client();
    const capacity = recordCapacity(measured, shadow);
    const { repository: store } = repositoryOn(dynamo, {}, measured);
    const resource = image('team/payments-api', digest(2));
    const [scanned, critical, high] = IMAGE_CHECKS.map((check) => check.id);
    // Act
    await store.applyEvaluation(imageFindings(resource, 0, []));
    const push = capacity.take();
    await store.applyEvaluation(
      imageFindings(resource, 10, [critical as string, high as string, scanned as string]),
    );
    const scan = capacity.take();
    await store.applyEvaluation(
      imageFindings(resource, 20, [critical as string, high as string, scanned as string]),
    );
    const sweepFailing = capacity.take();
    await store.resolveResource(resource.id, 'Image deleted', { at: at(30) });
    const deletion = capacity.take();
    // Assess
    // A push: 5 findings (2 KB, 4 WRU each in a transaction), 5 history entries (2), 6 counter
    // items and as many of the account's, and the accounts item (2 each), the record (2): 58 on the
    // table; each of the three ALL indexes 5 × 4, byResource 5 × 2 (keys only). There is no
    // byRecommendation or byResourceType any more (byCheck answers them): 40 WRU less than 168.
    expect(push).toMatchObject({ writes: 128, reads: 0 });
    expect(push.indexes).toEqual({
      byStatus: 20,
      byCheck: 20,
      byResource: 10,
      byAccountRegion: 20,
    });
    // Its scan: 3 status changes re-key 2 indexes (8 each) and rewrite byAccountRegion in place (4);
    // byResource is not written at all; the account's counters move with the overall ones.
    expect(scan).toMatchObject({ writes: 102, reads: 6 });
    expect(scan.indexes).toEqual({
      byStatus: 24,
      byCheck: 24,
      byAccountRegion: 12,
    });
    // Unchanged (an event, one resource): the record and the 5 findings read strongly consistent (1 RRU each), 1 WRU.
    expect(sweepFailing).toMatchObject({ writes: 1, reads: 6, calls: ['BatchGetItem', 'UpdateItem'] });
    // Its deletion: 5 status changes, their history, counters and the record, with the TTL.
    expect(deletion).toMatchObject({ writes: 158 });
  }, 240_000);

  it('measures the sweep re-reading two unchanged images: one passing (the record alone), one failing', async () => {
    // Prepare
    const measured = client();
    const capacity = recordCapacity(measured, shadow);
    const { repository: store } = repositoryOn(dynamo, {}, measured);
    const passing = image('team/web', digest(3));
    const failing = image('team/web', digest(4));
    const [, critical] = IMAGE_CHECKS.map((check) => check.id);
    const sweep = (minutes: number) => [
      ...imageFindings(passing, minutes, []),
      ...imageFindings(failing, minutes, [critical as string]),
    ];
    await store.applyEvaluation(sweep(0));
    capacity.take();
    // Act
    const changes = await store.applyEvaluation(sweep(60));
    const unchanged = capacity.take();
    await store.applyEvaluation(imageFindings(passing, 120, []));
    const event = capacity.take();
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(Array(10).fill('unchanged'));
    // Two records (½ RRU each), only the failing image's 5 findings (½ each); one UpdateItem each.
    expect(unchanged).toMatchObject({
      writes: 2,
      reads: 3.5,
      calls: ['BatchGetItem', 'BatchGetItem', 'UpdateItem', 'UpdateItem'],
    });
    // One resource (an event): its record and findings in one strongly consistent read.
    expect(event).toMatchObject({ writes: 1, reads: 6, calls: ['BatchGetItem', 'UpdateItem'] });
  }, 240_000);

  it('measures a page of 100 failing findings and a resource listing', async () => {
    // Prepare
    const measured = client();
    const capacity = recordCapacity(measured, shadow);
    const { repository: store } = repositoryOn(dynamo, {}, measured);
    const failing = IMAGE_CHECKS.map((check) => check.id);
    for (let n = 0; n < 25; n++) {
      await store.applyEvaluation(imageFindings(image('team/listed', digest(100 + n)), 0, failing));
    }
    capacity.take();
    // Act
    const page = await store.listFindings({ status: 'FAIL', limit: 100 });
    const listing = capacity.take();
    const own = await store.findingsForResource(image('team/listed', digest(100)).id);
    const resourceRead = capacity.take();
    // Assess
    expect(page.items).toHaveLength(100);
    // 100 items of about 1.3 KB in one eventually consistent Query: ½ RRU per 4 KB.
    expect(listing).toMatchObject({ reads: 16, calls: ['Query'] });
    // A resource's findings: the keys-only Query (½ RRU) and a BatchGetItem of its 5 findings.
    expect(own).toHaveLength(5);
    expect(resourceRead).toMatchObject({ reads: 3, calls: ['Query', 'BatchGetItem'] });
  }, 240_000);
});
