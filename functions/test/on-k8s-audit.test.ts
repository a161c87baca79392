import { DEFAULT_CONFIG } from '@customs/core';
import { auditLogEvent, auditLogPayload, localLambdaContext } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import type { PipelineDependencies } from '@customs/pipeline';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLUSTER, FakeK8sCollector, K8S_TEST_CATALOG, workload } from '../../test/helpers/k8s-audit.js';
import { DEMO_SCOPE } from '../../test/helpers/sample-events.js';
import { createAuditHandler } from '../src/audit-handler.js';

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug', namespace: 'default' },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: true } }] },
};

/** A Powertools-shaped logger that keeps what it is told. */
function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, ...(fields ? { fields } : {}) });
  };
  const logger = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
  return {
    lines,
    logger: {
      ...logger,
      addContext: vi.fn(),
      resetKeys: vi.fn(),
      refreshSampleRateCalculation: vi.fn(),
      logEventIfEnabled: vi.fn(),
      clearBuffer: vi.fn(),
      setCorrelationId: vi.fn(),
      flushBuffer: vi.fn(),
    },
  };
}

describe('on-k8s-audit, the audit-log handler', () => {
  const dynamo = useDynamoDbLocal();
  const collector = new FakeK8sCollector();
  let handler: ReturnType<typeof createAuditHandler>;
  let lines: ReturnType<typeof recordingLogger>['lines'];

  beforeAll(() => {
    const recording = recordingLogger();
    lines = recording.lines;
    const repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const dependencies: PipelineDependencies = {
      collector,
      repository,
      config: DEFAULT_CONFIG,
      catalog: K8S_TEST_CATALOG,
      clock: () => new Date(),
    };
    handler = createAuditHandler('on-k8s-audit', async () => dependencies, recording.logger as never);
  });

  it('assesses a privileged pod applied, logs a malformed audit event as rejected, and processes the others', async () => {
    // Prepare
    collector.put(workload('default', 'Pod', 'debug', { privileged: true }));
    const created = auditLogEvent({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      name: 'debug',
      responseObject: POD,
    });
    const payload = auditLogPayload(DEMO_SCOPE, CLUSTER, ['not json', created]);

    // Act
    const result = await handler(payload, localLambdaContext('on-k8s-audit'));

    // Assess
    expect(result.changes.map((change) => change.transition)).toEqual(['opened']);
    expect(result.events.map((event) => event.outcome)).toEqual(['rejected', 'refs']);
    expect(lines.find((line) => line.message === 'rejected audit event')?.fields).toMatchObject({
      index: 0,
      reason: expect.stringMatching(/^message: not JSON/),
    });
    expect(lines.find((line) => line.message === 'assessed')?.fields).toMatchObject({
      cluster: 'prod',
      logEvents: 2,
      refs: 1,
      rejected: 1,
      transitions: { opened: 1 },
    });
  });

  it('fails the invocation of a payload that is not one (Lambda retries it into the DLQ), naming what is wrong', async () => {
    const asked = collector.asked.length;
    await expect(handler({ awslogs: { data: '%%%' } }, localLambdaContext('on-k8s-audit'))).rejects.toThrow(
      'awslogs.data: is not base64',
    );
    await expect(handler({ detail: {} }, localLambdaContext('on-k8s-audit'))).rejects.toThrow(
      /^not a CloudWatch Logs subscription payload/,
    );
    expect(collector.asked.length).toBe(asked);
    expect(lines.filter((line) => line.message === 'rejected' && line.level === 'warn').length).toBe(2);
  });

  it('ignores a control message with its reason', async () => {
    const control = {
      ...auditLogPayload(DEMO_SCOPE, CLUSTER, [], 'decoded'),
      messageType: 'CONTROL_MESSAGE',
    };
    const result = await handler(control, localLambdaContext('on-k8s-audit'));
    expect(result.events).toEqual([]);
    expect(lines.at(-1)).toMatchObject({
      message: 'ignored',
      fields: { reason: expect.stringContaining('control message') },
    });
  });
});
