import { fileURLToPath } from 'node:url';
import { findingId } from '@customs/core';
import { localLambdaContext } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockedAws, mockAws } from '../../packages/aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir } from '../../packages/aws/test/live/helpers/snapshot-files.js';
import { demoCloudTrail, demoImageAction } from '../../test/helpers/sample-events.js';
import { handler as onEcrEvent } from '../src/on-ecr-event.js';
import { handler as onEcsEvent } from '../src/on-ecs-event.js';
import { handler as onEksEvent } from '../src/on-eks-event.js';
import { handler as sweep } from '../src/sweep.js';

const DEMO = fileURLToPath(new URL('../../packages/local/snapshots/demo/', import.meta.url));
const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
const IMAGE = `arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api@${VULNERABLE}`;

/**
 * The deployed Lambda entry points, as AWS runs them: configured by environment variables only,
 * the live SDK collector (ECR, EKS, EC2 and IAM answered from the demo account's recorded
 * responses by aws-sdk-client-mock), and a real DynamoDB (Local) reached through
 * AWS_ENDPOINT_URL_DYNAMODB, as the SDK reads it.
 */
describe('the Lambda handlers, configured from the environment', () => {
  const dynamo = useDynamoDbLocal();
  let aws: MockedAws;
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, {
      CUSTOMS_TABLE_NAME: dynamo.tableName,
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    aws = mockAws(readSnapshotDir(DEMO));
  });
  afterAll(() => {
    aws?.restore();
    process.env = saved;
  });

  it('on-ecr-event assesses a pushed image and stores its findings', async () => {
    // Act
    const result = await onEcrEvent(
      demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1'),
      localLambdaContext('on-ecr-event'),
    );
    // Assess
    expect(result.refs).toBe(2);
    expect(result.changes.filter((c) => c.transition === 'opened').map((c) => c.checkId)).toContain(
      'ecr-image-no-critical-vulnerabilities',
    );
    const repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const stored = await repository.getFinding(findingId('ecr-image-no-critical-vulnerabilities', IMAGE));
    expect(stored).toMatchObject({ state: 'OPEN', status: 'FAIL', severity: 'critical' });
    expect(aws.actions()).toContain('ecr:DescribeImages');
  });

  it('fails the invocation of a malformed event (so Lambda retries it into the DLQ), naming the field', async () => {
    const event = demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' });
    delete event.detail.eventName;
    await expect(onEksEvent(event, localLambdaContext('on-eks-event'))).rejects.toThrow(
      /^detail\.eventName: /,
    );
  });

  it('fails a hostile event with a bounded, escaped reason (the DLQ message), before reading anything', async () => {
    // Prepare: the names and nesting that crashed the local stack
    const surrogate = demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy\ud800' });
    const deep = demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1');
    deep.detail.extra = JSON.parse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const long = demoImageAction('PUSH', `\u001b[2J${'x'.repeat(200_000)}`, VULNERABLE, 'v2.13.1');
    const calls = aws.actions().length;
    // Act
    const reasons = await Promise.all([
      onEksEvent(surrogate, localLambdaContext('on-eks-event')).catch((error: Error) => error.message),
      onEcrEvent(deep, localLambdaContext('on-ecr-event')).catch((error: Error) => error.message),
      onEcrEvent(long, localLambdaContext('on-ecr-event')).catch((error: Error) => error.message),
    ]);
    // Assess
    expect(reasons).toEqual([
      'detail.requestParameters.name: holds a lone UTF-16 surrogate at position 6; an EKS cluster name is valid Unicode',
      'the event is nested over 1100 levels deep; EventBridge processes at most 1100',
      'detail.repository-name: is 200004 characters; an ECR repository name has at most 256',
    ]);
    expect(aws.actions().length).toBe(calls);
  });

  it('on-ecs-event fails hostile ECS events with the field named, before reading anything', async () => {
    // Prepare: ECS calls and an ECS event AWS could not have sent
    const surrogate = demoCloudTrail('aws.ecs', 'UpdateService', {
      cluster: 'payments\udc00',
      service: 'api',
    });
    const notRevision = demoCloudTrail('aws.ecs', 'DeregisterTaskDefinition', {
      taskDefinition: 'api:latest',
    });
    const deployment = demoCloudTrail('aws.ecs', 'UpdateService', {});
    const longService = {
      ...deployment,
      'detail-type': 'ECS Deployment State Change',
      resources: [`arn:aws:ecs:eu-west-1:111122223333:service/payments/${'s'.repeat(256)}`],
      detail: { eventType: 'INFO', eventName: 'SERVICE_DEPLOYMENT_COMPLETED' },
    };
    const calls = aws.actions().length;
    // Act
    const reasons = await Promise.all(
      [surrogate, notRevision, longService].map((event) =>
        onEcsEvent(event, localLambdaContext('on-ecs-event')).catch((error: Error) => error.message),
      ),
    );
    // Assess
    expect(reasons).toEqual([
      'detail.requestParameters.cluster: holds a lone UTF-16 surrogate at position 8; an ECS cluster name is valid Unicode',
      'detail.requestParameters.taskDefinition: not a task definition family:revision',
      'resources.0: is 256 characters; an ECS service name has at most 255',
    ]);
    expect(aws.actions().length).toBe(calls);
  });

  it('sweep assesses every resource of the account', async () => {
    const result = await sweep({}, localLambdaContext('sweep'));
    expect(result.resources).toBe(70);
    expect(result.transitions.opened).toBeGreaterThan(30);
  });
});
