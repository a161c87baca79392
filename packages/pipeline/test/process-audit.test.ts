import { DEFAULT_CONFIG, findingId } from '@customs/core';
import { EventValidationError } from '@customs/events';
import { auditLogEvent, auditLogPayload } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER, FakeK8sCollector, K8S_TEST_CATALOG, workload } from '../../../test/helpers/k8s-audit.js';
import { DEMO_SCOPE } from '../../../test/helpers/sample-events.js';
import type { PipelineDependencies } from '../src/index.js';
import { processAuditPayload } from '../src/process-audit.js';

const CHECK = 'k8s-workload-test-not-privileged';

/** The Kubernetes docs' nginx Pod, privileged, as the API server stores it (optionally owned). */
function pod(name: string, owner?: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, controller: true }] }
        : {}),
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: true } }] },
  };
}

const podChange = (verb: string, name: string, owner?: string) =>
  auditLogEvent({ verb, resource: 'pods', namespace: 'default', name, responseObject: pod(name, owner) });

describe('an audit-log payload through the pipeline, on DynamoDB Local', () => {
  const dynamo = useDynamoDbLocal();
  let collector: FakeK8sCollector;
  let dependencies: PipelineDependencies;
  let repository: FindingsRepository;

  beforeAll(() => {
    collector = new FakeK8sCollector();
    repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    dependencies = {
      collector,
      repository,
      config: DEFAULT_CONFIG,
      catalog: K8S_TEST_CATALOG,
      clock: () => new Date(),
    };
  });

  it('opens the finding of a privileged pod applied, and resolves it when the pod is deleted', async () => {
    // Prepare: someone applies a privileged bare pod
    const debug = workload('default', 'Pod', 'debug', { privileged: true });
    collector.put(debug);
    const created = auditLogPayload(DEMO_SCOPE, CLUSTER, [podChange('create', 'debug')]);

    // Act
    const opened = await processAuditPayload(created, dependencies);
    const again = await processAuditPayload(created, dependencies);
    collector.remove(debug.name);
    const resolved = await processAuditPayload(
      auditLogPayload(DEMO_SCOPE, CLUSTER, [podChange('delete', 'debug')]),
      dependencies,
    );

    // Assess
    expect(opened.changes.map((change) => [change.checkId, change.transition])).toEqual([[CHECK, 'opened']]);
    expect(again.changes.map((change) => change.transition)).toEqual(['unchanged']);
    expect(resolved.changes.map((change) => change.transition)).toEqual(['resolved']);
    expect(await repository.getFinding(findingId(CHECK, debug.id))).toMatchObject({ state: 'RESOLVED' });
    expect(collector.asked.at(-1)).toEqual({
      type: 'k8s-workload',
      name: 'default/Pod/debug',
      parent: CLUSTER,
      accountId: DEMO_SCOPE.accountId,
      region: DEMO_SCOPE.region,
    });
  });

  it("re-reads a rollout's Deployment once, whatever its writes, and no owned pod (its passing finding created)", async () => {
    // Prepare: a rollout: the Deployment patched, then updated, its ReplicaSet's pods created, a ConfigMap read
    collector.put(workload('default', 'Deployment', 'web'));
    const deployment = {
      verb: 'patch',
      resource: 'deployments',
      apiGroup: 'apps',
      namespace: 'default',
      name: 'web',
    };
    const messages = [
      auditLogEvent(deployment),
      auditLogEvent({ ...deployment, verb: 'update' }),
      podChange('create', 'web-7d4b9-a1', 'web-7d4b9'),
      podChange('create', 'web-7d4b9-b2', 'web-7d4b9'),
      auditLogEvent({ verb: 'get', resource: 'configmaps', namespace: 'default', name: 'web' }),
    ];
    const asked = collector.asked.length;

    // Act
    const outcome = await processAuditPayload(
      auditLogPayload(DEMO_SCOPE, CLUSTER, messages, 'decoded'),
      dependencies,
    );

    // Assess
    expect(collector.asked.length - asked).toBe(1);
    expect(outcome.refs).toBe(1);
    expect(outcome.events.map((event) => [event.outcome, 'with' in event ? event.with : undefined])).toEqual([
      ['refs', undefined],
      ['refs', 0],
      ['ignored', undefined],
      ['ignored', undefined],
      ['ignored', undefined],
    ]);
    expect(outcome.changes.map((change) => [change.resourceId, change.transition])).toEqual([
      [workload('default', 'Deployment', 'web').id, 'created'],
    ]);
  });

  it('rejects a payload that is not one before reading anything, and ignores a control message', async () => {
    const asked = collector.asked.length;
    await expect(processAuditPayload({ awslogs: { data: 'H4sI' } }, dependencies)).rejects.toThrow(
      EventValidationError,
    );
    const control = {
      ...auditLogPayload(DEMO_SCOPE, CLUSTER, [], 'decoded'),
      messageType: 'CONTROL_MESSAGE',
    };
    expect(await processAuditPayload(control, dependencies)).toMatchObject({
      events: [],
      changes: [],
      refs: 0,
    });
    expect(collector.asked.length).toBe(asked);
  });
});
