import { lambdaDependencies } from './runtime/lambda-dependencies.js';
import { createSweepHandler } from './sweep-handler.js';

/** Lambda entry point: the daily sweep of the account (sst.aws.Cron). */
export const handler = createSweepHandler(lambdaDependencies);
