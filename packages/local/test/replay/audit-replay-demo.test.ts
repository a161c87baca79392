import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SCOPE } from '../../../../test/helpers/sample-events.js';
import { auditLogEvent, auditLogPayload } from '../../src/story/index.js';
import { DEMO, runCli } from '../cli/run-cli.js';

/** A bare pod someone applies with kubectl: privileged, in the node's PID namespace (a shell into the node). */
const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'node-shell',
    namespace: 'default',
    uid: '5f0c6a8e-2b1d-4c3e-9f7a-1d2e3f4a5b6c',
    resourceVersion: '918273',
    creationTimestamp: '2026-11-28T12:00:00Z',
    labels: { run: 'node-shell' },
  },
  spec: {
    hostPID: true,
    containers: [
      {
        name: 'shell',
        image: 'public.ecr.aws/docker/library/busybox:1.36',
        command: ['nsenter', '--target', '1', '--mount', '--uts', '--ipc', '--net', '--pid', '--', 'sh'],
        securityContext: { privileged: true },
      },
    ],
    restartPolicy: 'Never',
    serviceAccountName: 'default',
  },
  status: { phase: 'Running' },
};

const PODS_FILE = join('k8s', 'ListPods', 'prod.json');

interface ReplayJson {
  changes: { checkId: string; resourceId: string; transition: string }[];
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function replay(file: string, snapshot: string, data: string): Promise<ReplayJson> {
  const { code, stdout, stderr } = await runCli(
    'replay',
    file,
    '--snapshot',
    snapshot,
    '--data',
    data,
    '--format',
    'json',
  );
  expect(stderr).not.toMatch(/error|rejected/i);
  expect(code).toBe(0);
  return JSON.parse(stdout) as ReplayJson;
}

describe('customs replay of a privileged pod on the demo cluster', () => {
  it('opens its findings from the audit log of its creation, read from the cluster, and resolves them when it is deleted', async () => {
    // Prepare: a copy of the demo account whose prod cluster runs the pod, and the payload CloudWatch Logs delivers
    const work = await mkdtemp(join(tmpdir(), 'customs-audit-demo-'));
    dirs.push(work);
    const snapshot = join(work, 'snapshot');
    const data = join(work, 'data');
    await cp(DEMO, snapshot, { recursive: true });
    const podsPath = join(snapshot, PODS_FILE);
    const pods = JSON.parse(await readFile(podsPath, 'utf8')) as { items: unknown[] };
    await writeFile(podsPath, JSON.stringify({ ...pods, items: [...pods.items, POD] }));
    const change = { resource: 'pods', namespace: 'default', name: 'node-shell' };
    const created = join(work, 'created.jsonl');
    await writeFile(
      created,
      JSON.stringify(
        auditLogPayload(DEMO_SCOPE, 'prod', [
          auditLogEvent({ verb: 'create', ...change, responseObject: POD }),
        ]),
      ),
    );

    // Act
    const opened = await replay(created, snapshot, data);
    await writeFile(podsPath, JSON.stringify(pods));
    const deletedFile = join(work, 'deleted.jsonl');
    await writeFile(
      deletedFile,
      JSON.stringify(auditLogPayload(DEMO_SCOPE, 'prod', [auditLogEvent({ verb: 'delete', ...change })])),
    );
    const deleted = await replay(deletedFile, snapshot, data);

    // Assess: the real readers and checks judged the pod, then found it gone
    const workload = 'arn:aws:eks:eu-west-1:111122223333:cluster/prod/default/Pod/node-shell';
    const openedChecks = opened.changes
      .filter((c) => c.transition === 'opened' && c.resourceId === workload)
      .map((c) => c.checkId);
    expect(openedChecks).toEqual(
      expect.arrayContaining(['k8s-workload-no-privileged', 'k8s-workload-no-host-pid-ipc']),
    );
    const resolved = deleted.changes
      .filter((c) => c.transition === 'resolved' && c.resourceId === workload)
      .map((c) => c.checkId);
    expect(resolved.sort()).toEqual(openedChecks.sort());
  }, 180_000);
});
