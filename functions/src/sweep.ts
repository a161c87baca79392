import { SQSClient } from '@aws-sdk/client-sqs';
import { requireEnv } from './runtime/environment.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';
import { sqsEnqueuer } from './runtime/sweep-queue.js';
import { createSweepHandler } from './sweep-handler.js';

/**
 * Lambda entry point: the daily sweep of the account (sst.aws.Cron). A sweep too large for one
 * invocation is queued on `CUSTOMS_SWEEP_QUEUE_URL` (read only then) for the sweep workers.
 */
export const handler = createSweepHandler(lambdaDependencies, function sweepQueue() {
  return sqsEnqueuer(new SQSClient({}), requireEnv('CUSTOMS_SWEEP_QUEUE_URL'));
});
