import { createFindingChangeHandler } from './fan-out-handler.js';
import { lambdaFanOutDependencies } from './runtime/fan-out-dependencies.js';

/** Validated when the function starts: a refused `SLACK_WEBHOOK_URL` fails the start-up, redacted. */
const dependencies = lambdaFanOutDependencies(process.env);

/** Lambda entry point: the findings table's stream (filtered to transitions), fanned out to Slack and EventBridge. */
export const handler = createFindingChangeHandler(async () => dependencies);
