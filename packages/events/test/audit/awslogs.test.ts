import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { auditBatchOf } from '../../src/audit/audit-payload.js';
import { clusterOfLogGroup, decodeAwsLogs } from '../../src/audit/awslogs.js';
import { MAX_AWSLOGS_DATA_CHARS, MAX_DECODED_BYTES } from '../../src/audit/bounds.js';
import { EventValidationError } from '../../src/errors.js';
import { auditEvent, awsSample, decoded, pod, raw } from './payloads.js';

describe('decodeAwsLogs', () => {
  it("decodes AWS's subscription sample, gzipped and base64'd as Lambda receives it, and reads the cluster off an EKS log group", () => {
    // Prepare: the CloudWatch Logs guide's decoded payload (a CloudTrail log group), and the same envelope on an EKS one
    const sample = awsSample('cloudwatch-logs-subscription-lambda-decoded');
    const eks = { ...sample, logGroup: '/aws/eks/prod/cluster' };

    // Act
    const batch = decodeAwsLogs(raw(eks));

    // Assess
    expect(batch).toMatchObject({ messageType: 'DATA_MESSAGE', accountId: '123456789012', cluster: 'prod' });
    expect(batch.messageType === 'DATA_MESSAGE' && batch.logEvents.map((e) => e.id)).toEqual(
      (sample.logEvents as { id: string }[]).map((e) => e.id),
    );
    expect(() => decodeAwsLogs(raw(sample))).toThrow(
      'logGroup: CloudTrail is not an EKS cluster log group (/aws/eks/<cluster>/cluster)',
    );
  });

  it('takes the decoded form as the guide prints it, and ignores a CONTROL_MESSAGE with its reason', () => {
    const control = { ...decoded([]), messageType: 'CONTROL_MESSAGE' };
    expect(decodeAwsLogs(decoded([]))).toMatchObject({ messageType: 'DATA_MESSAGE', logEvents: [] });
    expect(decodeAwsLogs(raw(control))).toEqual({
      messageType: 'CONTROL_MESSAGE',
      reason: 'a CloudWatch Logs control message (a reachability check) carries no log event',
    });
  });

  it('rejects invalid base64, data that is not gzip, and gzip that is not JSON, naming awslogs.data', () => {
    expect(() => decodeAwsLogs({ awslogs: { data: 'not base64!' } })).toThrow('awslogs.data: is not base64');
    expect(() => decodeAwsLogs({ awslogs: { data: Buffer.from('plain text').toString('base64') } })).toThrow(
      /^awslogs\.data: is not gzip data/,
    );
    expect(() => decodeAwsLogs(raw('{"owner": '))).toThrow(
      /^awslogs\.data: the decompressed payload is not JSON/,
    );
    expect(() => decodeAwsLogs({ awslogs: { data: 42 } })).toThrow(EventValidationError);
  });

  it('stops a gzip bomb at its output bound, as an input error, not an out-of-memory crash', () => {
    // Prepare: 64 MiB of zeros gzip to about 64 KiB
    const bomb = gzipSync(Buffer.alloc(2 * MAX_DECODED_BYTES)).toString('base64');
    expect(bomb.length).toBeLessThan(MAX_AWSLOGS_DATA_CHARS);

    // Act & Assess
    expect(() => decodeAwsLogs({ awslogs: { data: bomb } })).toThrow(
      `awslogs.data: decompresses to more than ${MAX_DECODED_BYTES} bytes (a gzip bomb, or not a CloudWatch Logs payload)`,
    );
  });

  it('refuses base64 longer than any payload Lambda delivers before decoding it', () => {
    const data = 'A'.repeat(MAX_AWSLOGS_DATA_CHARS + 4);
    expect(() => decodeAwsLogs({ awslogs: { data } })).toThrow(`awslogs.data: is ${data.length} characters`);
  });

  it('validates the shape: messageType, owner, the EKS cluster name in the log group', () => {
    expect(() => decodeAwsLogs(raw({ ...decoded([]), messageType: 'OTHER' }))).toThrow(
      /^not a CloudWatch Logs subscription payload: messageType:/,
    );
    expect(() => decodeAwsLogs(raw({ ...decoded([]), owner: 'mallory' }))).toThrow(
      'owner: must be an AWS account id (12 digits)',
    );
    expect(() =>
      decodeAwsLogs(raw({ ...decoded([]), logEvents: [{ id: '1', timestamp: 1, message: 7 }] })),
    ).toThrow(/logEvents\.0\.message/);
    expect(clusterOfLogGroup('/aws/eks/my-cluster_2/cluster')).toBe('my-cluster_2');
    for (const group of [
      '/aws/eks//cluster',
      '/aws/eks/a/b/cluster',
      '/aws/eks/-prod/cluster',
      `/aws/eks/${'x'.repeat(101)}/cluster`,
      '/aws/eks/pr\u0007od/cluster',
    ])
      expect(() => clusterOfLogGroup(group), group).toThrow(/does not name an EKS cluster/);
  });

  it('maps 10,000 log events of one payload, each to one outcome, in one linear pass', () => {
    // Prepare: 10,000 creates of owned pods, every 1,000th a bare one, and one line that is not JSON
    const messages: (Record<string, unknown> | string)[] = [];
    for (let index = 0; index < 10_000; index++) {
      const bare = index % 1000 === 0;
      const name = `web-${index}`;
      messages.push(
        auditEvent(
          'create',
          { resource: 'pods', namespace: 'shop', name },
          {
            responseObject: pod(name, 'shop', bare ? undefined : { kind: 'ReplicaSet', name: 'web-7d4b9' }),
          },
        ),
      );
    }
    messages[5] = '{"kind": "Event", ';

    // Act
    const batch = auditBatchOf(raw(decoded(messages)), 'eu-west-1');

    // Assess: every log event accounted for exactly once, in order
    expect(batch.messageType).toBe('DATA_MESSAGE');
    if (batch.messageType !== 'DATA_MESSAGE') return;
    expect(batch.events.map((event) => event.index)).toEqual([...Array(10_000).keys()]);
    const count = (outcome: string) => batch.events.filter((event) => event.outcome === outcome).length;
    expect([count('refs'), count('ignored'), count('rejected')]).toEqual([10, 9989, 1]);
    expect(batch.events[5]).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/^message: not JSON/),
    });
  });
});
