import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import {
  eventBridgePublisher,
  type FanOutDependencies,
  httpSlackSender,
  notifyConfigFromEnv,
  securityHubPublisher,
} from '@customs/notify';
import { createStoreClient, OutboxRepository } from '@customs/store';
import { requireEnv } from './environment.js';

/**
 * The fan-out's dependencies in AWS: the outbox on the table named by `CUSTOMS_TABLE_NAME`,
 * Slack through `SLACK_WEBHOOK_URL` (and the routes of `CUSTOMS_NOTIFY_CONFIG`), EventBridge on
 * `CUSTOMS_BUS_NAME`, and Security Hub when the notify configuration enables it (in its region, else
 * the function's `AWS_REGION`). Synchronous, so that a refused webhook URL fails the function's start-up.
 * @example const dependencies = lambdaFanOutDependencies(process.env);
 */
export function lambdaFanOutDependencies(env: NodeJS.ProcessEnv = process.env): FanOutDependencies {
  const config = notifyConfigFromEnv(env);
  const outbox = new OutboxRepository({
    client: createStoreClient(),
    tableName: requireEnv('CUSTOMS_TABLE_NAME', env),
  });
  const events = eventBridgePublisher({
    client: new EventBridgeClient({}),
    ...(config.eventBridge.busName ? { busName: config.eventBridge.busName } : {}),
  });
  const slackConfigured = config.slack.webhookUrl !== undefined || config.slack.routes.length > 0;
  const hubRegion = config.securityHub.region ?? env.AWS_REGION;
  const securityHub =
    config.securityHub.enabled && hubRegion
      ? securityHubPublisher({ client: new SecurityHubClient({ region: hubRegion }), region: hubRegion })
      : undefined;
  return {
    outbox,
    config,
    events,
    ...(slackConfigured ? { slack: httpSlackSender() } : {}),
    ...(securityHub ? { securityHub } : {}),
  };
}
