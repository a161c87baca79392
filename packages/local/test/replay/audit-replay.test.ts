import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '@customs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER, FakeK8sCollector, K8S_TEST_CATALOG, workload } from '../../../../test/helpers/k8s-audit.js';
import { DEMO_SCOPE } from '../../../../test/helpers/sample-events.js';
import { readEventsFile, replayEvents } from '../../src/replay/index.js';
import { type LocalPipeline, startLocalPipeline } from '../../src/runtime/index.js';
import { auditLogEvent, auditLogPayload } from '../../src/story/index.js';
import { runCli } from '../cli/run-cli.js';

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug', namespace: 'default' },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: true } }] },
};
const OWNED = {
  ...POD,
  metadata: { name: 'web-1', namespace: 'default', ownerReferences: [{ kind: 'ReplicaSet', name: 'web' }] },
};
const podEvent = (verb: string, pod = POD) =>
  auditLogEvent({
    verb,
    resource: 'pods',
    namespace: 'default',
    name: pod.metadata.name,
    responseObject: pod,
  });

async function linesFile(entries: unknown[]): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'customs-audit-replay-'));
  const file = join(dir, 'audit.jsonl');
  await writeFile(file, entries.map((entry) => JSON.stringify(entry)).join('\n'));
  return { dir, file };
}

describe('customs replay of audit-log payloads', () => {
  let pipeline: LocalPipeline;
  const collector = new FakeK8sCollector();

  beforeAll(async () => {
    pipeline = await startLocalPipeline({ collector, config: DEFAULT_CONFIG });
    pipeline.dependencies.catalog = K8S_TEST_CATALOG;
  });
  afterAll(() => pipeline?.stop());

  it('opens the finding of a privileged pod applied (raw payload) and resolves it when deleted (decoded form), accounting every audit event', async () => {
    // Prepare: a file of two payloads, as Lambda receives one and as the CloudWatch Logs guide prints the other
    collector.put(workload('default', 'Pod', 'debug', { privileged: true }));
    const applied = auditLogPayload(DEMO_SCOPE, CLUSTER, [
      podEvent('create'),
      podEvent('patch'),
      podEvent('create', OWNED),
      '{"kind":',
    ]);
    const { dir, file } = await linesFile([applied]);
    const opened = await replayEvents(await readEventsFile(file), pipeline);
    collector.remove(workload('default', 'Pod', 'debug').name);
    const deleted = auditLogPayload(DEMO_SCOPE, CLUSTER, [podEvent('delete')], 'decoded');
    await writeFile(join(dir, 'deleted.jsonl'), JSON.stringify(deleted));

    // Act
    const resolved = await replayEvents(await readEventsFile(join(dir, 'deleted.jsonl')), pipeline);

    // Assess: one place per audit event, by its index in logEvents
    expect(opened.changes.map((c) => [c.event, c.logEvent, c.transition])).toEqual([[0, 0, 'opened']]);
    expect(opened.unchanged).toEqual([
      {
        event: 0,
        logEvent: 1,
        refs: ['k8s-workload prod/default/Pod/debug'],
        reason: 're-assessed once with log event 0, which named it first',
      },
    ]);
    expect(opened.ignored).toEqual([
      {
        event: 0,
        logEvent: 2,
        reason: expect.stringMatching(/^pod default\/web-1 is owned by ReplicaSet web/),
      },
    ]);
    expect(opened.rejected).toMatchObject([
      { event: 0, logEvent: 3, reason: expect.stringMatching(/^message: not JSON/) },
    ]);
    expect(resolved.changes.map((c) => [c.event, c.logEvent, c.transition])).toEqual([[0, 0, 'resolved']]);
  });

  it('prints each audit event of a payload against the demo account, with `event:logEvent`, and keeps a rejected one in the rejected log', async () => {
    // Prepare: AWS's own audit sample (a watch), a control message, a payload that is not gzip
    const watch = auditLogPayload(DEMO_SCOPE, 'prod', [
      JSON.parse(
        await readFile(
          new URL('../../src/story/aws-samples/eks-audit-log-event-cloudwatch-message.json', import.meta.url),
          'utf8',
        ),
      ),
      '{"kind":',
    ]);
    const control = { ...auditLogPayload(DEMO_SCOPE, 'prod', [], 'decoded'), messageType: 'CONTROL_MESSAGE' };
    const broken = { awslogs: { data: Buffer.from('not gzip').toString('base64') } };
    const { dir, file } = await linesFile([watch, control, broken]);
    const rejectedLog = join(dir, 'rejected.jsonl');

    // Act
    const { code, stdout } = await runCli('replay', file, '--rejected', rejectedLog);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain('0:0    verb watch changes nothing (only create, update, patch, delete do)');
    expect(stdout).toContain(
      '1      a CloudWatch Logs control message (a reachability check) carries no log event',
    );
    expect(stdout).toMatch(/0:1 +message: not JSON/);
    expect(stdout).toMatch(/2 +awslogs\.data: is not gzip data/);
    const kept = (await readFile(rejectedLog, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(kept.map((line) => [line.index, line.reason.slice(0, 24)])).toEqual([
      [0, 'log event 1: message: no'],
      [2, 'awslogs.data: is not gzi'],
    ]);
    expect(kept[0].event.logEventId).toMatch(/^\d{56}$/);
  }, 120_000);
});
