import { describe, expect, it } from 'vitest';
import { ecsClusterExecLogging as check } from '../../../src/catalog/ecs/ecs-cluster-exec-logging.js';
import { sampleCluster } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-cluster-exec-logging', () => {
  it('passes a cluster without an exec configuration (DEFAULT), saying it rests on awslogs', () => {
    // Prepare
    const cluster = sampleCluster();
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('DEFAULT (not set)');
    expect(outcome.message).toContain('awslogs');
  });

  it('passes logging DEFAULT', () => {
    const outcome = runCheck(check, sampleCluster({ executeCommand: { logging: 'DEFAULT' } }));
    expect(outcome.status).toBe('PASS');
  });

  it('fails logging NONE', () => {
    const outcome = runCheck(check, sampleCluster({ executeCommand: { logging: 'NONE', kmsKeyId: 'key' } }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Cluster default does not log ECS Exec sessions (executeCommandConfiguration.logging NONE)',
    });
  });

  it('passes OVERRIDE with a log group or a bucket, naming where', () => {
    const logs = runCheck(
      check,
      sampleCluster({ executeCommand: { logging: 'OVERRIDE', cloudWatchLogGroupName: '/ecs/exec' } }),
    );
    const both = runCheck(
      check,
      sampleCluster({
        executeCommand: {
          logging: 'OVERRIDE',
          cloudWatchLogGroupName: '/ecs/exec',
          s3BucketName: 'exec-logs',
        },
      }),
    );
    expect(logs.status).toBe('PASS');
    expect(logs.message).toContain('CloudWatch log group /ecs/exec');
    expect(both.message).toContain('CloudWatch log group /ecs/exec and S3 bucket exec-logs');
  });

  it('fails OVERRIDE with neither a log group nor a bucket (empty strings count as none)', () => {
    const none = runCheck(check, sampleCluster({ executeCommand: { logging: 'OVERRIDE' } }));
    const empty = runCheck(
      check,
      sampleCluster({
        executeCommand: { logging: 'OVERRIDE', cloudWatchLogGroupName: '', s3BucketName: '' },
      }),
    );
    expect(none.status).toBe('FAIL');
    expect(empty.status).toBe('FAIL');
    expect(none.message).toContain('without a CloudWatch log group or S3 bucket');
  });

  it('fails an unknown logging value, naming it', () => {
    const outcome = runCheck(check, sampleCluster({ executeCommand: { logging: 'SOMETIMES' } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('"SOMETIMES"');
  });
});
