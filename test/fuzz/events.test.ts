import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApiHandler } from '@customs/api';
import { SnapshotCollector } from '@customs/aws';
import {
  type ApiServer,
  boundedJson,
  findFreePort,
  LOCAL_EVENTS_PATH,
  type LocalPipeline,
  localBodyLimit,
  localSweepStarter,
  replayEvents,
  replayRemote,
  startApiServer,
  startLocalPipeline,
  withLocalEvents,
} from '@customs/local';
import { SuppressionsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCopy } from '../helpers/demo-copy.js';
import { demoCloudTrail } from '../helpers/sample-events.js';
import { type FuzzBatch, fuzzBatch, type Violation, violationsOf } from './fuzz-events.js';
import { MUTATIONS } from './mutate.js';
import { Random } from './random.js';

/** Fixed, so a run is reproduced exactly; CUSTOMS_FUZZ_SEED replays another. Printed with every failure. */
const SEED = Number(process.env.CUSTOMS_FUZZ_SEED ?? 0x5eed2026);
const REPLAYED = 20_000;
const POSTED = 2_000;
const BATCH = 500;
const TOKEN = 'fuzz-token';
const BIN = fileURLToPath(new URL('../../packages/local/bin/customs.js', import.meta.url));

/** DynamoDB calls that write (the store's document-client commands and the low-level ones). */
const WRITE_COMMAND = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item)?(Items)?Command$/;

type Report = Parameters<typeof violationsOf>[1];

describe(`hostile events through replay and the local events route (seed ${SEED})`, () => {
  let pipeline: LocalPipeline;
  let server: ApiServer;
  let writes = 0;
  /** The writes of each publish on the bus, in order; emptied per batch. */
  let perPublish: number[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const totals = { changes: 0, unchanged: 0, ignored: 0, rejected: 0, events: 0 };

  const count = (report: Report) => {
    totals.changes += new Set(
      report.changes.filter((c) => c.transition !== 'unchanged').map((c) => c.event),
    ).size;
    totals.unchanged += report.unchanged.length;
    totals.ignored += report.ignored.length;
    totals.rejected += report.rejected.length;
  };
  const expectNone = (violations: Violation[]) =>
    expect(violations.slice(0, 10), `seed ${SEED} (CUSTOMS_FUZZ_SEED=${SEED} to replay it)`).toEqual([]);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    // One DynamoDB Local and one demo account for every event; files read once, not per event.
    const collector = await SnapshotCollector.open(await demoCopy());
    pipeline = await startLocalPipeline({ collector });
    pipeline.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (WRITE_COMMAND.test(context.commandName ?? '')) writes++;
        return next(args);
      },
      { step: 'initialize', name: 'countWrites' },
    );
    const publish = pipeline.bus.publish.bind(pipeline.bus);
    pipeline.bus.publish = async function countedPublish(event) {
      const before = writes;
      try {
        return await publish(event);
      } finally {
        perPublish.push(writes - before);
      }
    };
    const api = createApiHandler({
      findings: pipeline.repository,
      suppressions: new SuppressionsRepository({ client: pipeline.client, tableName: pipeline.tableName }),
      cursorKey: randomBytes(32),
      maxSuppressionDays: 90,
      startSweep: localSweepStarter(pipeline.dependencies),
    });
    server = await startApiServer({
      port: await findFreePort(),
      handler: withLocalEvents(api, pipeline),
      token: TOKEN,
      bodyLimit: localBodyLimit,
    });
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server?.close();
    await pipeline?.stop();
  });

  const post = (body: string) =>
    fetch(`${server.url}${LOCAL_EVENTS_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body,
    });

  it(`replays ${REPLAYED} mutated AWS samples: no crash, each event in exactly one place, no write for a rejected one`, async () => {
    const random = new Random(SEED);
    const applied = new Map<string, number>();
    for (let first = 0; first < REPLAYED; first += BATCH) {
      // Prepare
      const batch = fuzzBatch(random, first, BATCH);
      for (const name of batch.applied.flat()) applied.set(name, (applied.get(name) ?? 0) + 1);
      perPublish = [];
      // Act
      const report = await replayEvents(batch.entries, pipeline);
      // Assess
      expectNone(violationsOf(batch, report, perPublish));
      count(report);
      totals.events += batch.entries.length;
    }
    expect(unhandled, `seed ${SEED}`).toEqual([]);
    // Every place was reached, and the stored writes were counted: the checks above can fail.
    expect(totals.events).toBe(REPLAYED);
    for (const place of ['changes', 'unchanged', 'ignored', 'rejected'] as const)
      expect(totals[place]).toBeGreaterThan(0);
    expect(writes).toBeGreaterThan(0);
    // Every kind of hostility was tried, many times
    for (const name of [...Object.keys(MUTATIONS), 'notJson'])
      expect(applied.get(name) ?? 0, name).toBeGreaterThanOrEqual(20);
  }, 600_000);

  it(`posts ${POSTED} more to POST /local/events: every batch answered, each event in one place, the stack still serving`, async () => {
    const random = new Random(SEED ^ 0xa5a5a5a5);
    let sent = 0;
    while (sent < POSTED) {
      // Prepare: batches of events as JSON (written without recursion, however deep), under 4 MiB;
      // numbered from 0 in each, as the route numbers them
      const batch = fuzzBatch(random, 0, 100, false);
      const bodies = batch.entries.map((entry) =>
        'event' in entry ? boundedJson(entry.event, 8 * 1024 * 1024).text : 'null',
      );
      const fits = sizedPrefix(bodies);
      const sentBatch: FuzzBatch = {
        entries: batch.entries.slice(0, fits),
        applied: batch.applied.slice(0, fits),
      };
      perPublish = [];
      // Act
      const response = await post(`[${bodies.slice(0, fits).join(',')}]`);
      // Assess
      expect(response.status, `seed ${SEED}`).toBe(200);
      const report = (await response.json()) as Report;
      expectNone(violationsOf(sentBatch, report, perPublish));
      count(report);
      sent += fits;
    }
    const summary = await fetch(`${server.url}/summary`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(summary.status).toBe(200);
    expect(unhandled, `seed ${SEED}`).toEqual([]);
  }, 600_000);

  it('answers the event that took customs start down, then goes on serving', async () => {
    // Prepare: a cluster name with a lone surrogate, as the issue posted it
    const event = JSON.stringify(demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'prod' })).replace(
      '"name":"prod"',
      '"name":"prod\\ud800"',
    );
    // Act
    const response = await post(`[${event}]`);
    // Assess
    expect(response.status).toBe(200);
    expect(((await response.json()) as Report).rejected).toEqual([
      {
        event: 0,
        reason: expect.stringMatching(/^detail\.requestParameters\.name: holds a lone UTF-16 surrogate/),
      },
    ]);
    expect(
      (await fetch(`${server.url}/summary`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(200);
    expect(unhandled).toEqual([]);
  });

  it('refuses a body over 4 MiB and one that is not a JSON array, in the error envelope', async () => {
    const tooLarge = await post(`["${'x'.repeat(4 * 1024 * 1024)}"]`);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect((await post('{"source": ')).status).toBe(400);
    expect((await post('{}')).status).toBe(400);
    const deep = await post(`[${'['.repeat(100_000)}${']'.repeat(100_000)}]`);
    expect(deep.status).toBe(200);
    expect(((await deep.json()) as Report).rejected).toEqual([
      { event: 0, reason: 'the event is nested over 1100 levels deep; EventBridge processes at most 1100' },
    ]);
  });

  it('sends replay --to in batches under 4 MiB, rejecting here what it cannot send, each event numbered as in the file', async () => {
    // Prepare: 30 events of 200 KB (two batches at least), one too deep to write as JSON, a push
    const large = (index: number) => {
      const event = demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' });
      event.detail.padding = `${index}${'x'.repeat(200 * 1024)}`;
      return event;
    };
    const deep = JSON.parse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const events = [
      deep,
      ...Array.from({ length: 30 }, (_, index) => large(index)),
      demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'prod' }),
    ];
    const entries = [
      ...events.map((event, index) => ({ index, event })),
      { index: 32, error: 'line 33 is not JSON', text: '{' },
    ];
    // Act
    const report = await replayRemote(entries, server.url, TOKEN);
    // Assess
    const unchangedOrChanged = new Set([
      ...report.unchanged.map((e) => e.event),
      ...report.changes.filter((c) => c.transition !== 'unchanged').map((c) => c.event),
    ]);
    expect([...unchangedOrChanged].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 31 }, (_, index) => index + 1),
    );
    expect(report.rejected.map((entry) => [entry.event, entry.reason])).toEqual([
      [0, 'the event is nested over 1100 levels deep; EventBridge processes at most 1100'],
      [32, 'line 33 is not JSON'],
    ]);
    expect(report.ignored).toEqual([]);
  });

  it('replays a sample of them through the customs CLI as a process: exit 0, nothing on the terminal it could act on, every rejected event kept', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'customs-fuzz-'));
    const file = join(dir, 'events.jsonl');
    const batch = fuzzBatch(new Random(SEED ^ 0x0f0f0f0f), 0, 60, false);
    await writeFile(
      file,
      batch.entries
        .map((entry) => ('event' in entry ? boundedJson(entry.event, 8 * 1024 * 1024).text : ''))
        .join('\n'),
    );
    const log = join(dir, 'rejected.jsonl');
    // Act
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      [BIN, 'replay', file, '--format', 'table', '--rejected', log],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    // Assess
    expect(hasControl(stdout), `seed ${SEED}`).toBe(false);
    expect(stderr).not.toContain('internal error');
    const rejected = Number(/^Rejected: (\d+)$/m.exec(stdout)?.[1] ?? 0);
    expect(rejected).toBeGreaterThan(0);
    const kept = (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { index: number });
    expect(kept.length).toBe(rejected);
  }, 180_000);
});

/** How many of the bodies fit one request of at most 4 MiB (at least one). */
function sizedPrefix(bodies: string[]): number {
  let size = 2;
  for (const [index, body] of bodies.entries()) {
    size += Buffer.byteLength(body) + 1;
    if (size > 4 * 1024 * 1024 - 1024) return Math.max(1, index);
  }
  return bodies.length;
}

/** A control character a terminal may act on (C0 but the line feed, DEL, C1). */
function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
