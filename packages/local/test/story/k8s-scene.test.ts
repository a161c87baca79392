import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { K8S_SCENE } from '../../src/story/k8s-scene.js';

const DEMO = fileURLToPath(new URL('../../snapshots/demo/', import.meta.url));
const SAMPLES = new URL('../../src/story/aws-samples/', import.meta.url);
const scope = { accountId: '111122223333', region: 'eu-west-1' };
const capturedAt = new Date('2026-11-28T12:00:00Z');

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, read by path in the assertions
type Json = Record<string, any>;
const sample = async (name: string): Promise<Json> =>
  JSON.parse(await readFile(new URL(`${name}.json`, SAMPLES), 'utf8'));

/** What on-k8s-audit receives, undone as its decoder would: base64, gunzip, JSON; each message JSON. */
function decode(payload: unknown): { envelope: Json; events: Json[] } {
  const { awslogs } = payload as { awslogs: { data: string } };
  expect(Object.keys(payload as object)).toEqual(['awslogs']);
  expect(awslogs.data).toMatch(/^[A-Za-z0-9+/]+=*$/);
  const envelope = JSON.parse(gunzipSync(Buffer.from(awslogs.data, 'base64')).toString('utf8')) as Json;
  return { envelope, events: envelope.logEvents.map((event: Json) => JSON.parse(event.message)) };
}

const podsOf = async (dir: string) =>
  (JSON.parse(await readFile(join(dir, 'k8s/ListPods/prod.json'), 'utf8')) as { items: Json[] }).items;
const debugShell = (pods: Json[]) =>
  pods.filter((pod) => pod.metadata.namespace === 'default' && pod.metadata.name === 'debug-shell');

describe('the Kubernetes scene of the demo story', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'customs-k8s-scene-'));
    await cp(DEMO, dir, { recursive: true });
  });

  it('adds a running, privileged, host-PID bare pod default/debug-shell to the cluster, then removes it', async () => {
    // Prepare
    const before = await podsOf(dir);
    const [applied, removed] = K8S_SCENE;
    // Act
    await applied?.change(dir, capturedAt);
    const during = await podsOf(dir);
    await removed?.change(dir, capturedAt);
    const after = await podsOf(dir);
    // Assess
    const [pod] = debugShell(during);
    expect(during).toHaveLength(before.length + 1);
    expect(pod?.metadata.ownerReferences).toBeUndefined();
    expect(pod?.spec.hostPID).toBe(true);
    expect(pod?.spec.containers[0].securityContext).toEqual({ privileged: true });
    expect(pod?.status.phase).toBe('Running');
    expect(pod?.metadata.creationTimestamp).toBe('2026-11-28T12:00:00Z');
    expect(after).toEqual(before);
  });

  it('announces the create as the EKS audit log does, in a CloudWatch Logs subscription payload', async () => {
    // Prepare
    const [applied] = K8S_SCENE;
    const decodedSample = await sample('cloudwatch-logs-subscription-lambda-decoded');
    const auditSample = await sample('eks-audit-log-event-cloudwatch-message');
    // Act
    const payloads = applied?.events(scope) ?? [];
    const { envelope, events } = decode(payloads[0]);
    // Assess
    expect(payloads).toHaveLength(1);
    expect(Object.keys(envelope).sort()).toEqual(Object.keys(decodedSample).sort());
    expect(envelope).toMatchObject({
      owner: '111122223333',
      logGroup: '/aws/eks/prod/cluster',
      messageType: 'DATA_MESSAGE',
    });
    expect(envelope.logStream).toMatch(/^kube-apiserver-audit-[0-9a-f]{32}$/);
    expect(envelope.logEvents[0].id).toMatch(/^\d{56}$/);
    const [event] = events;
    expect(Object.keys(event ?? {}).sort()).toEqual(
      [...Object.keys(auditSample), 'requestObject', 'responseObject'].sort(),
    );
    expect(event).toMatchObject({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'RequestResponse',
      stage: 'ResponseComplete',
      verb: 'create',
      objectRef: { resource: 'pods', apiVersion: 'v1', namespace: 'default', name: 'debug-shell' },
      responseStatus: { code: 201 },
    });
    expect(envelope.logEvents[0].timestamp).toBe(Date.parse(event?.stageTimestamp));
    expect(event?.requestObject.spec.hostPID).toBe(true);
    expect(event?.responseObject.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(event?.responseObject.spec.containers[0].securityContext).toEqual({ privileged: true });
    expect(event?.responseObject.metadata.ownerReferences).toBeUndefined();
  });

  it('announces the delete with verb delete, code 200 and the pod being deleted', () => {
    // Act
    const { events } = decode(K8S_SCENE[1]?.events(scope)[0]);
    // Assess
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      verb: 'delete',
      requestURI: '/api/v1/namespaces/default/pods/debug-shell',
      objectRef: { resource: 'pods', namespace: 'default', name: 'debug-shell' },
      responseStatus: { code: 200 },
      requestObject: { kind: 'DeleteOptions', propagationPolicy: 'Background' },
    });
    expect(events[0]?.responseObject.metadata.deletionTimestamp).toEqual(expect.any(String));
  });
});
