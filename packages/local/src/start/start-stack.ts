import { randomBytes } from 'node:crypto';
import { createApiHandler, postureOf } from '@customs/api';
import { CustomsError, isLifecycleChange, LIFECYCLE_CHANGES, safeText } from '@customs/core';
import { dashboardHandler } from '@customs/dashboard';
import type { SlackSender } from '@customs/notify';
import type { SweepOutcome } from '@customs/pipeline';
import { SuppressionsRepository } from '@customs/store';
import { CallCounts, callsLine, type ProgressLine } from '../cli/format/progress.js';
import { loadConfigFile } from '../config-file.js';
import { type ApiServer, localSweepStarter, SweepRegistry, startApiServer } from '../http/index.js';
import { type LocalPipeline, startLocalPipeline } from '../runtime/index.js';
import { DEMO_STORY, playStory } from '../story/index.js';
import { type LocalFanOut, localNotifyConfig, startLocalFanOut } from '../stream/index.js';
import { type AccountSource, accountSource } from './account-source.js';
import { dataDirExists, dataLine } from './data-dir.js';
import { ensurePortFree } from './ensure-port-free.js';
import { StartError } from './errors.js';
import { failureLog } from './failure-log.js';
import { localBodyLimit, withLocalEvents } from './local-events-route.js';
import { topFailureLines } from './top-failures.js';
import { postureLines, totalsLine } from './totals.js';

export interface StartOptions {
  port: number;
  host?: string;
  snapshot?: string;
  /** Several snapshot folders, one account each: run as one organisation (`--snapshot A --snapshot B`). */
  snapshots?: string[];
  aws?: boolean;
  regions?: string[];
  profile?: string;
  dataDir?: string;
  configPath?: string;
  /** Play the demo story after the sweep (demo account only) [true]. */
  story?: boolean;
  /** Play it even onto a `dataDir` that holds earlier findings (`--story`) [false]. */
  forceStory?: boolean;
  /** Ctrl-C: start-up stops at the next step (rejecting with the signal's reason), undoing what it started. */
  signal?: AbortSignal;
  /** The API token; `CUSTOMS_API_TOKEN`, else a random one. */
  token?: string;
  /** Progress and results, a line at a time. */
  say: (line: string) => void;
  /**
   * The sweep's progress, rewritten in place on a terminal (`progressLine(stderr)`: silent unless
   * a TTY): what it reads (the AWS calls answered per region and service with `--aws`), then the
   * resources it evaluates and stores. Cleared before each line `say` prints.
   */
  progress?: ProgressLine;
  /**
   * What fails while it runs, a line at a time (stderr by default): an internal error of the API
   * or the fan-out, once per failure; a Slack webhook that fails, with its cause and next try.
   */
  warn?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Where the API token came from: the banner prints a generated one, never one the user chose. */
export type TokenSource = 'generated' | 'CUSTOMS_API_TOKEN' | 'option';

/** The running stack, until `stop()`. */
export interface RunningStack {
  url: string;
  token: string;
  tokenSource: TokenSource;
  pipeline: LocalPipeline;
  fanOut: LocalFanOut;
  stop(): Promise<void>;
}

/** `68 resources read, 326 findings (one per check and resource); changes: 90 opened, …`. */
function describeSweep(outcome: SweepOutcome): string {
  const count = (transition: string) =>
    outcome.changes.filter((change) => change.transition === transition).length;
  const moved = LIFECYCLE_CHANGES.map((transition) => `${count(transition)} ${transition}`).join(', ');
  return `${outcome.resources} resources read, ${outcome.findings} findings (one per check and resource); changes: ${moved}`;
}

/** Prints each Slack message the fan-out would send as one line: its header block. */
function headlineSender(say: (line: string) => void): SlackSender {
  return {
    async send(_webhookUrl, message) {
      const header = message.blocks.find((block) => block.type === 'header');
      say(
        `  slack ▸ ${safeText(header?.type === 'header' ? header.text.text : message.text, { maxLength: 200 })}`,
      );
    },
  };
}

/** The token, and where it came from. */
function apiToken(
  options: StartOptions,
  env: NodeJS.ProcessEnv,
): { token: string; tokenSource: TokenSource } {
  if (options.token) return { token: options.token, tokenSource: 'option' };
  if (env.CUSTOMS_API_TOKEN) return { token: env.CUSTOMS_API_TOKEN, tokenSource: 'CUSTOMS_API_TOKEN' };
  return { token: randomBytes(24).toString('base64url'), tokenSource: 'generated' };
}

/** `arn:aws:ecr:eu-west-1:111122223333:repository/team/app@sha256:…` → `repository/team/app@sha256:…`. */
function shortResource(resourceId: string): string {
  return safeText(resourceId.replace(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d*:/, ''), { maxLength: 200 });
}

/**
 * `customs start`: DynamoDB Local with the findings table, the local bus with the deployed rules
 * and handlers, the fan-out from the table's stream, and the API on 127.0.0.1 behind a bearer
 * token; then a sweep of the account and, on the demo account, the demo story.
 * @example const stack = await startStack({ port: 4000, say: console.log }); // … await stack.stop();
 */
export async function startStack(options: StartOptions): Promise<RunningStack> {
  const progress = options.progress ?? { update() {}, clear() {} };
  const say = (line: string) => {
    progress.clear();
    options.say(line);
  };
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const notify = localNotifyConfig(env);
  const config = await loadConfigFile(options.configPath);
  await ensurePortFree(options.port, host);
  const reusing = options.dataDir === undefined ? false : await dataDirExists(options.dataDir);
  // The first sweep's reads, counted while it reads (a live account's calls per region and service).
  const calls = new CallCounts();
  let reading = false;
  const onBody = (region: string, path: string) => {
    calls.add(region, path);
    if (reading) progress.update(`  ${callsLine(calls)}`);
  };
  const source: AccountSource = await accountSource({ ...options, onBody });
  say(`Account: ${source.label}`);
  say('Starting DynamoDB Local…');
  let pipeline: LocalPipeline;
  try {
    pipeline = await startLocalPipeline({
      ...(source.snapshotDir ? { snapshotDir: source.snapshotDir } : {}),
      ...(source.collector ? { collector: source.collector } : {}),
      ...(source.capturedAt ? { assessAt: source.capturedAt } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      config,
    });
  } catch (error) {
    // A user-fixable error (a snapshot that cannot be read) keeps its kind; any other is a start problem.
    const userFixable = error instanceof CustomsError && error.kind !== 'internal';
    await source.cleanUp();
    throw userFixable ? error : new StartError((error as Error).message);
  }
  if (options.signal?.aborted) {
    await pipeline.stop();
    options.signal.throwIfAborted();
  }
  say(`  DynamoDB Local on ${pipeline.endpoint}, table ${pipeline.tableName}`);
  const suppressions = new SuppressionsRepository({ client: pipeline.client, tableName: pipeline.tableName });
  const earlier = reusing
    ? {
        findings: (await pipeline.repository.summary()).total.total,
        suppressions: (await suppressions.list()).length,
      }
    : undefined;
  say(dataLine(options.dataDir, earlier));
  const { token, tokenSource } = apiToken(options, env);
  const warnLine = options.warn ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const warn = (line: string) => {
    progress.clear();
    warnLine(line);
  };
  const webhookUrls = [
    notify.config.slack.webhookUrl,
    ...notify.config.slack.routes.map((r) => r.webhookUrl),
  ];
  const failures = failureLog({
    write: warn,
    dynamoEndpoint: pipeline.endpoint,
    secrets: [token],
    webhookUrls: notify.posts ? webhookUrls.filter((url): url is string => url !== undefined) : [],
  });
  const fanOut = startLocalFanOut({
    client: pipeline.client,
    endpoint: pipeline.endpoint,
    tableName: pipeline.tableName,
    notify,
    // Start-up and the pipeline never wait on Slack: what fails is retried on the outbox's schedule.
    nonBlocking: true,
    // Printed messages, one line each here: their headline.
    ...(notify.posts ? {} : { slack: headlineSender(say) }),
    onStatus: warn,
    onError: (error) => failures.report(error, "the fan-out (reading the table's stream and the outbox)"),
  });
  say(
    `  Fan-out from the table's stream: Slack messages ${notify.posts ? 'posted to SLACK_WEBHOOK_URL' : 'printed here (set SLACK_WEBHOOK_URL to post them)'}`,
  );
  let server: ApiServer;
  // Every sweep's progress (GET /sweeps/{id}); ready (GET /health, /summary) once the first ends.
  const sweeps = new SweepRegistry();
  try {
    const api = createApiHandler({
      sweeps,
      readiness: () => sweeps.readiness(),
      findings: pipeline.repository,
      suppressions,
      cursorKey: randomBytes(32),
      maxSuppressionDays: config.maxSuppressionDays,
      maxSuppressionMatches: config.maxSuppressionMatches,
      startSweep: localSweepStarter(
        pipeline.dependencies,
        (outcome) =>
          outcome instanceof Error
            ? failures.report(outcome, 'the sweep (POST /sweeps)')
            : say(`Sweep: ${describeSweep(outcome)}`),
        sweeps,
      ),
      onError: (error, request) => failures.report(error, `${request.method} ${request.path} (answered 500)`),
    });
    // The dashboard (index.html, assets/, its config) on the API's origin: GET / signs in with the
    // token. Built in the background when it must be: the API answers at once, the UI when built.
    const dashboard = dashboardHandler({
      config: { auth: 'token', apiBase: '' },
      onError: (error) => failures.report(error, 'the dashboard build (the API is unaffected)'),
    });
    server = await startApiServer({
      port: options.port,
      host,
      serveFirst: dashboard,
      handler: withLocalEvents(api, pipeline, { onInternalError: (line) => warn(`internal error: ${line}`) }),
      token,
      bodyLimit: localBodyLimit,
      onError: (error, request) => failures.report(error, `the local API adapter on ${request}`),
    });
  } catch (error) {
    await fanOut.stop();
    await pipeline.stop();
    await source.cleanUp();
    throw new StartError((error as Error).message);
  }
  const stop = async () => {
    await server.close();
    await fanOut.stop();
    await pipeline.stop();
    await source.cleanUp();
  };
  try {
    options.signal?.throwIfAborted();
    reading = true;
    const first = sweeps.run(pipeline.dependencies, ({ step, resources }) => {
      reading = step === 'reading';
      progress.update(
        step === 'reading'
          ? `  reading ${source.reads}…`
          : `  evaluating and storing ${resources ?? 0} resources read…`,
      );
    });
    say(`Sweeping the account… (GET /sweeps/${first.started.id}; /health says ready when it ends)`);
    const outcome = await first.done.finally(() => {
      reading = false;
    });
    say(`  ${describeSweep(outcome)}`);
    const afterSweep = postureOf(await pipeline.repository.summary());
    say(`  Stored: ${totalsLine(afterSweep)}`);
    // Read the sweep's changes in large batches, so Slack gets a digest rather than one message each.
    await fanOut.drain();
    fanOut.start();
    const onOldData = (earlier?.findings ?? 0) > 0 && options.forceStory !== true;
    if (source.isDemo && options.story !== false && onOldData) {
      say(`Demo story skipped: ${options.dataDir} holds earlier findings (--story plays it anyway)`);
    } else if (source.isDemo && options.story !== false && source.snapshotDir) {
      say('Playing the demo story (each step changes the account, then sends the events AWS would):');
      for await (const { step, changes } of playStory(DEMO_STORY, pipeline, source.snapshotDir)) {
        options.signal?.throwIfAborted();
        say(`  ▸ ${step.title}`);
        for (const change of changes.filter((c) => isLifecycleChange(c.transition))) {
          say(
            `      ${change.transition.padEnd(9)} ${change.severity.padEnd(8)} ${change.checkId}  ${shortResource(change.resourceId)}`,
          );
        }
      }
    }
    await fanOut.drain();
    const posture = postureOf(await pipeline.repository.summary());
    for (const line of postureLines(posture, afterSweep.total)) say(line);
    for (const line of await topFailureLines(pipeline.repository, posture.overall)) say(line);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: server.url, token, tokenSource, pipeline, fanOut, stop };
}
