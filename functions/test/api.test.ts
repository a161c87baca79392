import { Logger } from '@aws-lambda-powertools/logger';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpEvent } from '../../packages/api/test/helpers/http-event.js';
import { at, CHECKS, cluster, finding } from '../../packages/store/test/helpers/findings.js';
import { apiDependencies, createApiFunction } from '../src/api.js';

const dynamo = useDynamoDbLocal();
const CONTEXT = { functionName: 'api', awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678' } as Context;
const ENV = {
  CUSTOMS_TABLE_NAME: 'customs-findings',
  CUSTOMS_CURSOR_KEY: 'a-secret-cursor-key',
  AWS_REGION: 'eu-west-1',
  CUSTOMS_SWEEP_FUNCTION_NAME: 'customs-prod-sweep',
};
const PROD = finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0));
const ALICE = 'arn:aws:iam::111122223333:user/alice';

const setup = { handler: undefined as unknown as ReturnType<typeof createApiFunction> };
beforeAll(async () => {
  const options = { client: localDynamoClient(dynamo.endpoint), tableName: dynamo.tableName };
  const findings = new FindingsRepository(options);
  await findings.applyEvaluation([PROD]);
  const logger = new Logger({ serviceName: 'customs', logLevel: 'SILENT' });
  setup.handler = createApiFunction(
    () => ({ ...apiDependencies(ENV, logger), findings, suppressions: new SuppressionsRepository(options) }),
    logger,
  );
});

async function invoke(method: string, path: string, iamUser?: string) {
  const event = httpEvent(method, path, iamUser === undefined ? {} : { iamUser });
  const result = (await setup.handler(event, CONTEXT)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, json: JSON.parse(result.body ?? 'null') as Record<string, unknown> };
}

describe('the API function', () => {
  it('answers an API Gateway HTTP API event through the Customs middleware', async () => {
    const answer = await invoke('GET', `/findings/${PROD.id}`, ALICE);
    expect(answer).toMatchObject({ status: 200, json: { finding: { id: PROD.id, state: 'OPEN' } } });
    const unknown = await invoke('GET', '/nothing', ALICE);
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });

  it('answers POST /sweeps 202 after invoking the sweep function asynchronously', async () => {
    // Prepare: Lambda's Invoke answered as AWS documents it for InvocationType Event
    const lambda = mockClient(LambdaClient);
    lambda.on(InvokeCommand).resolves({ StatusCode: 202, $metadata: { requestId: 'e0c2c4c8-req' } });
    try {
      // Act
      const answer = await invoke('POST', '/sweeps', ALICE);
      // Assess
      expect(answer).toMatchObject({
        status: 202,
        json: { sweep: { status: 'started', id: 'e0c2c4c8-req' } },
      });
      const [call] = lambda.commandCalls(InvokeCommand);
      expect(call?.args[0].input).toMatchObject({
        FunctionName: 'customs-prod-sweep',
        InvocationType: 'Event',
      });
    } finally {
      lambda.restore();
    }
  });

  it('names a missing environment variable', () => {
    expect(() => apiDependencies({ ...ENV, CUSTOMS_CURSOR_KEY: '' })).toThrow(/CUSTOMS_CURSOR_KEY/);
    expect(() => apiDependencies({ ...ENV, CUSTOMS_TABLE_NAME: undefined })).toThrow(/CUSTOMS_TABLE_NAME/);
    expect(() => apiDependencies({ ...ENV, CUSTOMS_SWEEP_FUNCTION_NAME: undefined })).toThrow(
      /CUSTOMS_SWEEP_FUNCTION_NAME/,
    );
    expect(apiDependencies({ ...ENV, CUSTOMS_CONFIG: '{"maxSuppressionDays": 30}' }).maxSuppressionDays).toBe(
      30,
    );
  });
});
