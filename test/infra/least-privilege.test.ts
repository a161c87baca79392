import { fileURLToPath } from 'node:url';
import { useDynamoDbLocal } from '@customs/local/testing';
import { createFindingsTable } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FUNCTION_NAMES,
  FUNCTION_PERMISSIONS,
  type FunctionName,
  grantsOf,
} from '../../infra/permissions.js';
import { withEnhancedScanning } from '../../packages/aws/test/live/helpers/enhanced-scanning.js';
import { readSnapshotDir } from '../../packages/aws/test/live/helpers/snapshot-files.js';
import { HANDLER_RUNS, NEW_USER } from './helpers/handler-runs.js';
import { type DeployedNames, grantedKeys, permissionKey, permissionsFor } from './helpers/iam-actions.js';
import { type AwsInterceptor, interceptAws } from './helpers/intercept-aws.js';
import {
  offlineAws,
  withManagedExecutionRolePolicy,
  withUserAfterCredentialReport,
} from './helpers/offline-aws.js';

const DEMO = fileURLToPath(new URL('../../packages/local/snapshots/demo/', import.meta.url));
const SWEEP_FUNCTION = 'customs-prod-SweepFunction-a1b2c3';
const SWEEP_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/customs-prod-SweepQueue-kxwdzbna';

/**
 * Least privilege, derived from the code: each deployed function runs, from its real Lambda entry
 * point and environment, through representative inputs while every AWS SDK client is intercepted
 * (ECR, EKS, EC2, IAM and Inspector answered from the demo account's recorded responses, its
 * registry's scanning made ENHANCED; EventBridge, Lambda
 * and SQS accepted, DynamoDB reaching a real DynamoDB Local); each command sent is mapped to its IAM
 * actions and compared with what infra/permissions.ts grants the function's code.
 */
describe('least privilege', () => {
  const dynamo = useDynamoDbLocal();
  const saved = { ...process.env };
  const slack = { down: false };
  // Enhanced scanning: the image reads ask Inspector for its view of the images' use (ListCoverage).
  const files = withEnhancedScanning(
    withManagedExecutionRolePolicy(withUserAfterCredentialReport(readSnapshotDir(DEMO), NEW_USER)),
  );
  let aws: AwsInterceptor;

  beforeAll(() => {
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // A call that escaped the interception fails here, at once, rather than reaching AWS.
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      CUSTOMS_BUS_NAME: 'default',
      CUSTOMS_CURSOR_KEY: 'least-privilege-cursor-key',
      CUSTOMS_SWEEP_FUNCTION_NAME: SWEEP_FUNCTION,
      CUSTOMS_SWEEP_QUEUE_URL: SWEEP_QUEUE_URL,
      CUSTOMS_API_URL: 'https://r3pmxmplak.execute-api.eu-west-1.amazonaws.com',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0LEAST/B0PRIV/s3cr3tT0k3n',
    });
    vi.stubGlobal('fetch', async function slackWebhook() {
      return slack.down
        ? new Response('rate_limited', { status: 429, headers: { 'retry-after': '60' } })
        : new Response('ok', { status: 200 });
    });
    aws = interceptAws(offlineAws(files));
  });
  afterAll(() => {
    aws?.restore();
    vi.unstubAllGlobals();
    process.env = saved;
  });

  /**
   * Runs one function on a table of its own and lists the permissions of what it sent, and the
   * error that stopped the run if one did (a command AWS would refuse stops it too).
   */
  async function derive(
    name: FunctionName,
    tableName = `customs-${name}`,
  ): Promise<{ sent: string[]; failure: unknown }> {
    await createFindingsTable(dynamo.client, tableName);
    process.env.CUSTOMS_TABLE_NAME = tableName;
    aws.clear();
    const failure = await HANDLER_RUNS[name]({ aws, files, client: dynamo.client, tableName }, slack).then(
      () => undefined,
      (error: unknown) => error,
    );
    const names: DeployedNames = {
      tableName,
      busName: 'default',
      sweepFunctionName: SWEEP_FUNCTION,
      sweepQueueUrl: SWEEP_QUEUE_URL,
    };
    const keys = aws.sent.flatMap((command) => permissionsFor(command, names).map(permissionKey));
    return { sent: [...new Set(keys)].sort(), failure };
  }

  function codeGrants(name: FunctionName) {
    return FUNCTION_PERMISSIONS[name].filter((grant) => grant.caller === undefined);
  }

  it.each(FUNCTION_NAMES)(
    'grants %s exactly what its code sends',
    async (name) => {
      // Act
      const { sent, failure } = await derive(name);

      // Assess
      expect(grantedKeys(codeGrants(name))).toEqual(sent);
      expect(failure).toBeUndefined();
      // The sweep's run is the whole demo account, its deployed images and their index: ~25 s alone.
    },
    180_000,
  );

  it('grants on-finding-change with the Security Hub target (CUSTOMS_SECURITY_HUB at deploy) exactly what it sends', async () => {
    // Prepare: the environment infra gives the function when the deployment opts in
    process.env.CUSTOMS_SECURITY_HUB_REGION = 'eu-west-1';
    vi.resetModules();
    try {
      // Act
      const { sent, failure } = await derive('on-finding-change', 'customs-on-finding-change-security-hub');
      // Assess
      const grants = grantsOf('on-finding-change', { securityHub: true }).filter(
        (grant) => grant.caller === undefined,
      );
      expect(grantedKeys(grants)).toEqual(sent);
      expect(sent).toEqual(
        expect.arrayContaining(['securityhub:BatchImportFindings', 'securityhub:BatchUpdateFindings']),
      );
      expect(failure).toBeUndefined();
    } finally {
      delete process.env.CUSTOMS_SECURITY_HUB_REGION;
      vi.resetModules();
    }
  });
});
