import { randomBytes } from 'node:crypto';
import { type ApiHandler, createApiHandler } from '@customs/api';
import type { SweepOutcome } from '@customs/pipeline';
import { SuppressionsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpEvent } from '../../../api/test/helpers/http-event.js';
import { localSweepStarter, SweepRegistry } from '../../src/http/index.js';
import { type LocalPipeline, startLocalPipeline } from '../../src/runtime/index.js';
import { DEMO } from '../cli/run-cli.js';

const setup = {
  pipeline: undefined as unknown as LocalPipeline,
  handler: undefined as unknown as ApiHandler,
  finished: [] as (SweepOutcome | Error)[],
};
beforeAll(async () => {
  const pipeline = await startLocalPipeline({ snapshotDir: DEMO });
  const sweeps = new SweepRegistry();
  const startSweep = localSweepStarter(
    pipeline.dependencies,
    (outcome) => setup.finished.push(outcome),
    sweeps,
  );
  setup.pipeline = pipeline;
  setup.handler = createApiHandler({
    findings: pipeline.repository,
    suppressions: new SuppressionsRepository({ client: pipeline.client, tableName: pipeline.tableName }),
    cursorKey: randomBytes(32),
    maxSuppressionDays: 90,
    startSweep,
    sweeps,
    readiness: () => sweeps.readiness(),
  });
});
afterAll(async () => {
  await setup.pipeline?.stop();
});

async function call(method: string, path: string, query?: Record<string, string>) {
  const result = await setup.handler(httpEvent(method, path, query ? { query } : {}));
  return { status: result.statusCode, json: JSON.parse(result.body ?? 'null') as Record<string, unknown> };
}

async function sweepsFinished(count: number): Promise<void> {
  for (let waited = 0; setup.finished.length < count; waited += 50) {
    // A wait for the outcome, not a timing: a busy machine's DynamoDB Local may take a minute.
    if (waited > 150_000) throw new Error('the sweep did not finish within 150 s');
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

describe('POST /sweeps on the local stack', () => {
  it('runs runSweep in the background: 202 at once, 409 while it runs, findings stored after', {
    timeout: 240_000,
  }, async () => {
    // Prepare: before any sweep, no posture is given as if it were one
    const health = await call('GET', '/health');
    const early = await call('GET', '/summary');
    // Act
    const first = await call('POST', '/sweeps');
    const second = await call('POST', '/sweeps');
    const id = (first.json.sweep as { id: string }).id;
    const running = await call('GET', `/sweeps/${id}`);
    const notYet = await call('GET', '/summary');
    await sweepsFinished(1);
    const ended = await call('GET', `/sweeps/${id}`);
    const ready = await call('GET', '/health');
    const summary = await call('GET', '/summary');
    // Assess
    expect(first).toMatchObject({
      status: 202,
      json: { sweep: { status: 'started', id: expect.any(String) } },
    });
    expect(second).toMatchObject({ status: 409, json: { error: { code: 'conflict' } } });
    const [outcome] = setup.finished;
    expect(outcome).not.toBeInstanceOf(Error);
    expect((outcome as SweepOutcome).findings).toBeGreaterThan(0);
    expect(summary.json).toMatchObject({ total: (outcome as SweepOutcome).findings });
    expect(health).toMatchObject({ status: 503, json: { status: 'starting', version: expect.any(String) } });
    expect(early).toMatchObject({ status: 503, json: { error: { code: 'not_ready' } } });
    expect(running.json).toMatchObject({ sweep: { id, status: 'running', step: expect.any(String) } });
    expect(notYet.status).toBe(503);
    expect((notYet.json.error as { message: string }).message).toContain(`the first sweep (${id})`);
    expect(ready).toMatchObject({ status: 200, json: { status: 'ready' } });
    const opened = (outcome as SweepOutcome).changes.filter(
      (change) => change.transition === 'opened',
    ).length;
    expect(ended.json).toEqual({
      sweep: {
        id,
        status: 'completed',
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        resources: (outcome as SweepOutcome).resources,
        findings: (outcome as SweepOutcome).findings,
        changes: { opened, reopened: 0, suppressed: 0, resolved: 0 },
      },
    });
    expect((await call('GET', '/sweeps/3f0c-no-such-sweep')).status).toBe(404);
  });

  it('keeps a suppressed demo finding suppressed through the next sweep, with no write for it', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    const failing = await call('GET', '/findings', { status: 'FAIL' });
    const target = (failing.json.findings as { id: string; checkId: string; resourceId: string }[])[0];
    const event = httpEvent('POST', '/suppressions', {
      body: JSON.stringify({
        checkId: target?.checkId,
        resourcePattern: target?.resourceId,
        reason: 'Accepted for the demo',
        owner: 'demo-team',
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    });
    const created = await setup.handler(event);
    expect(created.statusCode).toBe(201);
    // Act
    await call('POST', '/sweeps');
    await sweepsFinished(2);
    // Assess
    const after = await call('GET', `/findings/${target?.id}`);
    expect(after.json.finding).toMatchObject({ state: 'SUPPRESSED', status: 'FAIL', version: 2 });
    const moved = (setup.finished[1] as SweepOutcome).changes.filter(
      (change) => change.findingId === target?.id,
    );
    expect(moved.map((change) => change.transition)).toEqual(['unchanged']);
  });
});
