import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DynamoDbLocal,
  JAVA_MISSING,
  localDynamoClient,
  startDynamoDbLocal,
} from '../src/dynamodb/index.js';

const started: DynamoDbLocal[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((local) => local.stop()));
});

async function start(options: Parameters<typeof startDynamoDbLocal>[0] = {}): Promise<DynamoDbLocal> {
  const local = await startDynamoDbLocal(options);
  started.push(local);
  return local;
}

async function tableNames(endpoint: string): Promise<string[]> {
  const client = localDynamoClient(endpoint);
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
}

function createTable(endpoint: string, TableName: string) {
  const client = localDynamoClient(endpoint);
  return client
    .send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      }),
    )
    .finally(() => client.destroy());
}

describe('startDynamoDbLocal', () => {
  it('starts on a free port of 127.0.0.1, shares one database between clients and stops for good', async () => {
    // Prepare
    const local = await start();
    // Act
    await createTable(local.endpoint, 'shared');
    const otherRegion = new DynamoDBClient({
      endpoint: local.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'another', secretAccessKey: 'another' },
    });
    const seenByOther = (await otherRegion.send(new ListTablesCommand({}))).TableNames;
    otherRegion.destroy();
    await local.stop();
    // Assess
    expect(local.endpoint).toBe(`http://127.0.0.1:${local.port}`);
    expect(seenByOther).toEqual(['shared']);
    const probe = new DynamoDBClient({ ...clientConfig(local.endpoint), maxAttempts: 1 });
    await expect(probe.send(new ListTablesCommand({}))).rejects.toThrow(/ECONNREFUSED/);
    probe.destroy();
    await expect(local.stop()).resolves.toBeUndefined();
  });

  it('keeps the tables across restarts when given a data directory', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'customs-ddb-'));
    try {
      const first = await start({ dataDir });
      await createTable(first.endpoint, 'kept');
      await first.stop();
      // Act
      const second = await start({ dataDir, port: first.port });
      // Assess
      expect(await tableNames(second.endpoint)).toEqual(['kept']);
    } finally {
      await Promise.all(started.splice(0).map((local) => local.stop()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps nothing without a data directory', async () => {
    const first = await start();
    await createTable(first.endpoint, 'forgotten');
    await first.stop();
    const second = await start({ port: first.port });
    expect(await tableNames(second.endpoint)).toEqual([]);
  });

  it('says to install Java when java is not on the PATH', async () => {
    // Prepare
    const emptyBin = await mkdtemp(join(tmpdir(), 'customs-no-java-'));
    const path = process.env.PATH;
    process.env.PATH = emptyBin;
    try {
      // Act
      const starting = startDynamoDbLocal();
      // Assess
      await expect(starting).rejects.toThrow(JAVA_MISSING);
      expect(JAVA_MISSING).toMatch(/^java was not found: install a Java 17\+ runtime/);
    } finally {
      process.env.PATH = path;
      await rm(emptyBin, { recursive: true, force: true });
    }
  });

  it('says which port is taken when the port is in use', async () => {
    // Prepare
    const blocker: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      // Act
      const starting = startDynamoDbLocal({ port });
      // Assess
      await expect(starting).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      await new Promise((closed) => blocker.close(closed));
    }
  });
});

function clientConfig(endpoint: string) {
  return { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}
