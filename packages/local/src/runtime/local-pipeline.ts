import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Collector, SnapshotCollector } from '@customs/aws';
import { type Config, SERVICE_NAMES, SERVICES } from '@customs/core';
import { EVENT_RULES } from '@customs/events';
import {
  type AuditHandlerResult,
  createAuditHandler,
  createEventHandler,
  type EventHandlerResult,
} from '@customs/functions';
import type { PipelineDependencies } from '@customs/pipeline';
import { FindingsRepository } from '@customs/store';
import { LocalBus } from '../bus/index.js';
import { loadConfigFile } from '../config-file.js';
import { localDynamoClient, startDynamoDbLocal } from '../dynamodb/index.js';
import { ensureFindingsTable } from './ensure-table.js';
import { localLambdaContext } from './lambda-context.js';

export interface LocalPipelineOptions {
  /** The account snapshot the collector reads, afresh on every collect (one of snapshotDir, collector). */
  snapshotDir?: string;
  /** Another collector, e.g. the live AWS one (`customs start --aws`). */
  collector?: Collector;
  /** The time to assess at [a snapshot collector's `capturedAt`; else the clock's]: several snapshots' (an organisation's). */
  assessAt?: Date;
  /** Keep DynamoDB's data here across runs; in memory when absent. */
  dataDir?: string;
  configPath?: string;
  /** The configuration itself, when the caller has read it already (instead of configPath). */
  config?: Config;
  /** The findings table; `customs-findings` by default. */
  tableName?: string;
  /** Powertools log level of the handlers; silent by default so CLI output stays readable. */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

/** The event pipeline running on this machine. */
export interface LocalPipeline {
  /** EventBridge events go to their rule's handler, audit-log payloads to the audit handler. */
  bus: LocalBus<EventHandlerResult | AuditHandlerResult>;
  dependencies: PipelineDependencies;
  repository: FindingsRepository;
  /** The DynamoDB client of the store (to measure or inspect what the pipeline sends). */
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  stop(): Promise<void>;
}

async function openCollector(options: LocalPipelineOptions): Promise<Collector> {
  if (options.collector) return options.collector;
  if (!options.snapshotDir) throw new Error('startLocalPipeline needs a snapshotDir or a collector');
  return SnapshotCollector.open(options.snapshotDir, { rereadEachCollect: true });
}

/**
 * Starts the event pipeline locally: DynamoDB Local with the findings table, the snapshot
 * collector, and the local bus routing with the deployed rules to the same middy handlers the
 * Lambda functions run (invoked with a local Lambda context).
 * @example
 * const pipeline = await startLocalPipeline({ snapshotDir: 'packages/local/snapshots/demo' });
 * await pipeline.bus.publish(event);
 * await pipeline.stop();
 */
export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const collector = await openCollector(options);
  const config = options.config ?? (await loadConfigFile(options.configPath));
  const capturedAt =
    options.assessAt ?? (collector instanceof SnapshotCollector ? collector.capturedAt : undefined);
  const dynamo = await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const client = localDynamoClient(dynamo.endpoint);
  const tableName = options.tableName ?? 'customs-findings';
  try {
    await ensureFindingsTable(client, tableName);
  } catch (error) {
    client.destroy();
    await dynamo.stop();
    throw error;
  }
  const repository = new FindingsRepository({ client, tableName });
  const dependencies: PipelineDependencies = {
    collector,
    repository,
    config,
    clock: () => new Date(),
    ...(capturedAt ? { assessAt: () => capturedAt } : {}),
  };
  const logger = new Logger({ serviceName: 'customs', logLevel: options.logLevel ?? 'SILENT' });
  const handlers = Object.fromEntries(
    SERVICE_NAMES.map((service) => {
      const { handler: name, delivery } = SERVICES[service];
      const create = delivery === 'audit-log' ? createAuditHandler : createEventHandler;
      const handler = create(name, async () => dependencies, logger);
      return [name, (event: unknown) => handler(event, localLambdaContext(name))];
    }),
  );
  return {
    bus: new LocalBus(EVENT_RULES, handlers),
    dependencies,
    repository,
    client,
    endpoint: dynamo.endpoint,
    tableName,
    async stop() {
      client.destroy();
      await dynamo.stop();
    },
  };
}
