import { EVENT_HANDLER_NAMES, type EventHandlerName, SERVICE_NAMES, SERVICES } from '@customs/core';
import { permissionsOf } from './grants.js';
import { pascalCase } from './names.js';
import type { DeployOptions, FunctionName } from './permissions.js';
import type { DeadLetterQueues } from './queues.js';
import { SWEEP_WORKER } from './sweep-queue-args.js';

/** The secrets the functions read (`npx sst secret set <name> <value>`). */
export interface CustomsSecrets {
  /** The default Slack incoming webhook (required). */
  slackWebhook: sst.Secret;
  /** Signs the API's pagination cursors (required). */
  cursorKey: sst.Secret;
  /** JSON routing Slack notifications (packages/notify, `notifyConfigSchema`); `{}` when not set. */
  notifyConfig: sst.Secret;
}

/** What the functions are wired to. */
export interface FunctionsInput {
  table: sst.aws.Dynamo;
  busName: string;
  busArn: $util.Input<string>;
  queues: DeadLetterQueues;
  /** The queue of a split sweep's units: the sweep sends to it, the sweep-worker reads it. */
  sweepQueue: sst.aws.Queue;
  secrets: CustomsSecrets;
  /** The API's URL, for the links in Slack messages. */
  apiUrl: $util.Input<string>;
  /** What the deployment opts in to (the Security Hub target). */
  options: DeployOptions;
  /** The region the app is deployed to: where the Security Hub target imports. */
  region: string;
  /** `CUSTOMS_CONFIG` of every function (function-config.ts); unset, the defaults. */
  config?: string;
}

export type CustomsFunctions = Record<FunctionName, sst.aws.Function>;

/**
 * Shared by every function. SST bundles each handler with esbuild from its own entry point, so a
 * function carries only the modules its handler imports; split, so that what an `import()` loads
 * (the organisation's STS and Organizations clients, the SDK's credential providers) is its own
 * file, loaded when first called, not at every cold start (test/bundles).
 */
const BASE = {
  runtime: 'nodejs22.x',
  architecture: 'arm64',
  memory: '512 MB',
  logging: { retention: '3 months', format: 'json' },
  nodejs: { format: 'esm', minify: true, splitting: true },
} satisfies Partial<sst.aws.FunctionArgs>;

/** The handlers a CloudWatch Logs subscription invokes (on-k8s-audit). */
const AUDIT_LOG_HANDLERS = new Set<EventHandlerName>(
  SERVICE_NAMES.filter((service) => SERVICES[service].delivery === 'audit-log').map(
    (service) => SERVICES[service].handler,
  ),
);

function handlerOf(name: FunctionName): string {
  return `functions/src/${name}.handler`;
}

/** Sends what still fails after Lambda's asynchronous retries to `queue`. */
function deadLettersTo(queue: sst.aws.Queue): NonNullable<sst.aws.FunctionArgs['transform']> {
  return {
    function(args) {
      args.deadLetterConfig = { targetArn: queue.arn };
    },
  };
}

/**
 * Creates the functions (FUNCTION_NAMES: an event handler per service, then the sweep, its
 * worker, on-finding-change and the API), each with exactly its grants from infra/permissions.ts.
 * The event handlers and the sweep (run by its schedule, or `POST /sweeps`, asynchronously) send what still
 * fails after Lambda's two asynchronous retries to their DLQ. Secrets reach only the function that
 * reads them, as environment variables.
 * @example const fns = createFunctions({ table, busName: 'default', busArn, queues, sweepQueue, secrets, apiUrl: api.url });
 */
export function createFunctions(input: FunctionsInput): CustomsFunctions {
  const { table, busName, busArn, queues, sweepQueue, secrets, apiUrl, options, region, config } = input;
  const environment = {
    CUSTOMS_TABLE_NAME: table.name,
    CUSTOMS_BUS_NAME: busName,
    ...(config === undefined ? {} : { CUSTOMS_CONFIG: config }),
  };

  /**
   * A service's event handler (`OnEcrEvent`), from functions/src/<name>.ts, with its DLQ. An
   * audit-log handler gets 5 minutes: one payload may name many workloads, each re-read.
   */
  function eventHandler(name: EventHandlerName): sst.aws.Function {
    const deadLetterQueue = queues[name];
    return new sst.aws.Function(pascalCase(name), {
      ...BASE,
      handler: handlerOf(name),
      timeout: AUDIT_LOG_HANDLERS.has(name) ? '5 minutes' : '1 minute',
      retries: 2,
      environment,
      permissions: permissionsOf(name, { table, busArn, deadLetterQueue }, options),
      transform: deadLettersTo(deadLetterQueue),
    });
  }

  // The coordinator: the whole sweep, or the units of a split one queued for the sweep-worker.
  const sweep = new sst.aws.Function('Sweep', {
    ...BASE,
    handler: handlerOf('sweep'),
    memory: '1024 MB',
    timeout: '15 minutes',
    environment: { ...environment, CUSTOMS_SWEEP_QUEUE_URL: sweepQueue.url },
    permissions: permissionsOf(
      'sweep',
      { table, busArn, sweepQueue, deadLetterQueue: queues.sweep },
      options,
    ),
    transform: deadLettersTo(queues.sweep),
  });

  const eventHandlers = Object.fromEntries(
    EVENT_HANDLER_NAMES.map((name) => [name, eventHandler(name)]),
  ) as Record<EventHandlerName, sst.aws.Function>;

  return {
    ...eventHandlers,
    sweep,
    // One unit at a time (subscribed to the sweep queue in infra/triggers.ts), alone.
    'sweep-worker': new sst.aws.Function('SweepWorker', {
      ...BASE,
      handler: handlerOf('sweep-worker'),
      memory: SWEEP_WORKER.memory,
      timeout: `${SWEEP_WORKER.timeoutSeconds} seconds`,
      concurrency: { reserved: SWEEP_WORKER.reservedConcurrency },
      // the queue's URL: over an organisation, a worker queues the units of the account it plans
      environment: { ...environment, CUSTOMS_SWEEP_QUEUE_URL: sweepQueue.url },
      permissions: permissionsOf('sweep-worker', { table, busArn, sweepQueue }, options),
    }),
    'on-finding-change': new sst.aws.Function('OnFindingChange', {
      ...BASE,
      handler: handlerOf('on-finding-change'),
      timeout: '1 minute',
      environment: {
        ...environment,
        SLACK_WEBHOOK_URL: secrets.slackWebhook.value,
        CUSTOMS_NOTIFY_CONFIG: secrets.notifyConfig.value,
        CUSTOMS_API_URL: apiUrl,
        // The Security Hub target, when the deployment opts in (docs/deploy.md): its region.
        ...(options.securityHub ? { CUSTOMS_SECURITY_HUB_REGION: region } : {}),
      },
      permissions: permissionsOf(
        'on-finding-change',
        { table, busArn, deadLetterQueue: queues['on-finding-change'] },
        options,
      ),
    }),
    api: new sst.aws.Function('Api', {
      ...BASE,
      handler: handlerOf('api'),
      timeout: '30 seconds',
      environment: {
        ...environment,
        CUSTOMS_CURSOR_KEY: secrets.cursorKey.value,
        CUSTOMS_SWEEP_FUNCTION_NAME: sweep.name,
      },
      permissions: permissionsOf('api', { table, busArn, sweepFunction: sweep }),
    }),
  };
}
