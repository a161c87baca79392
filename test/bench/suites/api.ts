import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createApiHandler } from '@customs/api';
import { CATALOG, findingId, type STATUSES } from '@customs/core';
import { findFreePort, localDynamoClient, startApiServer, startDynamoDbLocal } from '@customs/local';
import {
  createFindingsTable,
  FindingsRepository,
  findingItem,
  type StoredFinding,
  SuppressionsRepository,
} from '@customs/store';
import { fmt } from '../measure.js';

const SIZE = 100_000;
const PAGE = 100;
const SAMPLES = 200;
const TOKEN = 'bench-token';
const AT = '2026-11-28T12:00:00.000Z';
/** FAIL 30 %, PASS 60 %, NOT_APPLICABLE 8 %, ERROR 2 %. */
const STATUS_OF = (index: number) =>
  index % 50 === 0 ? 'ERROR' : index % 10 < 3 ? 'FAIL' : index % 10 < 9 ? 'PASS' : 'NOT_APPLICABLE';

/** 100,000 stored findings spread over the catalog's checks, in the store's item shape. */
function* storedFindings(): Generator<StoredFinding> {
  const checks = CATALOG.all();
  for (let index = 0; index < SIZE; index++) {
    const check = checks[index % checks.length] as (typeof checks)[number];
    const name = `bench/${check.resourceType}-${Math.floor(index / checks.length)}`;
    const resourceId = `arn:aws:${check.resourceType.split('-')[0]}:eu-west-1:111122223333:${name}`;
    const status = STATUS_OF(index) as (typeof STATUSES)[number];
    const state =
      status === 'FAIL'
        ? 'OPEN'
        : status === 'PASS'
          ? 'PASSING'
          : status === 'ERROR'
            ? 'ERROR'
            : 'NOT_APPLICABLE';
    yield {
      id: findingId(check.id, resourceId),
      checkId: check.id,
      title: check.title,
      resourceType: check.resourceType,
      resourceId,
      resourceName: name,
      accountId: '111122223333',
      region: 'eu-west-1',
      status,
      severity: check.severity,
      recommendation: check.recommendation,
      message: `${name}: ${check.id} ${status}`,
      evaluatedAt: AT,
      state,
      version: 1,
      firstSeenAt: AT,
      lastChangedAt: AT,
      lastEvaluatedAt: AT,
    };
  }
}

async function seed(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const batches: Record<string, unknown>[][] = [[]];
  for (const finding of storedFindings()) {
    const last = batches.at(-1) as Record<string, unknown>[];
    if (last.length === 25) batches.push([]);
    (batches.at(-1) as Record<string, unknown>[]).push(findingItem(finding));
  }
  let next = 0;
  const writer = async function writeBatches() {
    while (next < batches.length) {
      let requests = (batches[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await doc.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, writer));
}

/** p50 and p99 of `SAMPLES` runs of `work`, after 20 warm-up runs, in milliseconds. */
async function latency(work: () => Promise<number>): Promise<{ p50: number; p99: number; items: number }> {
  let items = 0;
  for (let i = 0; i < 20; i++) items = await work();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (quantile: number) =>
    times[Math.min(times.length - 1, Math.floor(quantile * times.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), items };
}

/**
 * `GET /findings` latency (p50, p99) for a filtered page of 100 out of 100,000 stored findings
 * (failing high-severity ECR images), through the local HTTP adapter and the handler, next to the
 * bare DynamoDB Query for the same page in the same run: the ratio is the API's cost per page.
 */
export async function benchApi(): Promise<string[]> {
  const local = await startDynamoDbLocal();
  const client = localDynamoClient(local.endpoint);
  const tableName = 'bench-api';
  try {
    await createFindingsTable(client, tableName);
    const doc = DynamoDBDocumentClient.from(client);
    const start = performance.now();
    await seed(doc, tableName);
    const seedSeconds = (performance.now() - start) / 1000;
    const options = { client, tableName };
    const handler = createApiHandler({
      findings: new FindingsRepository(options),
      suppressions: new SuppressionsRepository(options),
      cursorKey: randomBytes(32),
      maxSuppressionDays: 90,
      startSweep: async () => ({ status: 'started', startedAt: new Date().toISOString() }),
    });
    const server = await startApiServer({ port: await findFreePort(), handler, token: TOKEN });
    try {
      const filters = { resourceType: 'ecr-image', status: 'FAIL', severity: 'high' };
      const url = `${server.url}/findings?${new URLSearchParams({ ...filters, limit: String(PAGE) })}`;
      const api = await latency(async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
        return ((await response.json()) as { findings: unknown[] }).findings.length;
      });
      // The minimum the API needs for this page: one Query of byCheck's partition of the first
      // high-severity ECR image check (by id), its FAIL# prefix (the listing's first partition).
      const [first] = CATALOG.byResourceType('ecr-image')
        .filter((check) => check.severity === 'high')
        .map((check) => check.id)
        .sort();
      const query = await latency(async () => {
        const { Items } = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'byCheck',
            KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
            ExpressionAttributeNames: { '#pk': 'GSI2PK', '#sk': 'GSI2SK' },
            ExpressionAttributeValues: { ':pk': `CHECK#${first}`, ':sk': 'FAIL#' },
            Limit: PAGE,
          }),
        );
        return Items?.length ?? 0;
      });
      const line = (name: string, figures: { p50: number; p99: number; items: number }) =>
        `  ${name.padEnd(34)} p50 ${fmt(figures.p50, 2).padStart(7)} ms  p99 ${fmt(figures.p99, 2).padStart(7)} ms  (${figures.items} items a page)`;
      return [
        `Findings API (GET /findings, a filtered page of ${PAGE} out of ${fmt(SIZE)} findings on DynamoDB Local; seeded in ${fmt(seedSeconds, 1)} s)`,
        line('bare DynamoDB Query (baseline)', query),
        line('GET /findings over local HTTP', api),
        `  ratio to the bare Query: p50 ${fmt(api.p50 / query.p50, 2)}, p99 ${fmt(api.p99 / query.p99, 2)}`,
      ];
    } finally {
      await server.close();
    }
  } finally {
    client.destroy();
    await local.stop();
  }
}
