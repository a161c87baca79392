import { createAlarms } from './alarms.js';
import { createApi, routeApi } from './api.js';
import { createAuditSubscriptions } from './audit-subscriptions.js';
import { allowOrganization, createEventRules } from './bus.js';
import { functionConfig } from './function-config.js';
import { createFunctions } from './functions.js';
import { type OrganizationOptions, organizationOptions } from './member/index.js';
import { createMemberAccounts } from './member-accounts.js';
import type { DeployOptions } from './permissions.js';
import { createDeadLetterQueues, createSweepQueue } from './queues.js';
import { createFindingsTable } from './table.js';
import {
  scheduleOutboxRetry,
  scheduleSweep,
  subscribeFindingChanges,
  subscribeSweepWorker,
} from './triggers.js';

/** The bus that receives AWS's events and on-finding-change's "Finding Changed". */
const BUS_NAME = 'default';

/** The region the app is deployed to, as the SST CLI resolved it for the default `aws` provider. */
function homeRegion(): string {
  const region = process.env.SST_AWS_REGION ?? aws.config.region;
  if (!region)
    throw new Error('infra: no AWS region; set AWS_REGION or providers.aws.region in sst.config.ts');
  return region;
}

/**
 * What this deployment opts in to, from the deploying shell: `CUSTOMS_SECURITY_HUB=true npx sst
 * deploy` imports the findings into Security Hub (docs/deploy.md). Anything but `true` or unset is
 * refused, so a typo does not deploy without it silently.
 */
function deployOptions(organization: OrganizationOptions | undefined): DeployOptions {
  const value = process.env.CUSTOMS_SECURITY_HUB;
  if (value !== undefined && value !== 'true' && value !== 'false')
    throw new Error(`infra: CUSTOMS_SECURITY_HUB is "${value.slice(0, 20)}"; set it to true or false`);
  const securityHub = value === 'true';
  // The members come from Organizations ListAccounts (function-config.ts), so it is granted.
  if (!organization) return { securityHub };
  return { securityHub, organization: { memberRoleName: organization.memberRoleName, listAccounts: true } };
}

/**
 * Every component of Customs, wired; returns the stack outputs.
 * @example async run() { return (await import('./infra/index.js')).deployCustoms(); }
 */
export function deployCustoms() {
  const region = homeRegion();
  const partition = aws.getPartitionOutput().partition;
  const account = aws.getCallerIdentityOutput().accountId;
  const busArn = $interpolate`arn:${partition}:events:${region}:${account}:event-bus/${BUS_NAME}`;

  // An organisation (docs/deploy.md, "Several accounts"): its events on the home bus, the members' StackSet.
  const organization = organizationOptions(process.env, region);
  const table = createFindingsTable();
  const secrets = {
    slackWebhook: new sst.Secret('SlackWebhookUrl'),
    cursorKey: new sst.Secret('CursorKey'),
    notifyConfig: new sst.Secret('NotifyConfig', '{}'),
  };
  const queues = createDeadLetterQueues();
  const sweepQueue = createSweepQueue(queues['sweep-units']);
  const api = createApi();
  const functions = createFunctions({
    table,
    busName: BUS_NAME,
    busArn,
    queues,
    sweepQueue,
    secrets,
    apiUrl: api.url,
    options: deployOptions(organization),
    config: functionConfig(process.env, organization),
    region,
  });
  routeApi(api, functions.api);
  const remoteQueues = createEventRules({ functions, queues, homeRegion: region, busArn });
  createAuditSubscriptions({ handler: functions['on-k8s-audit'], region });
  subscribeFindingChanges(table, functions['on-finding-change'], queues['on-finding-change']);
  scheduleSweep(functions.sweep);
  subscribeSweepWorker(sweepQueue, functions['sweep-worker']);
  scheduleOutboxRetry(functions['on-finding-change']);
  const alarmTopic = createAlarms({ functions, queues, remoteQueues });
  const outputs = { apiUrl: api.url, tableName: table.name, alarmTopicArn: alarmTopic.arn };

  if (!organization) return outputs;
  allowOrganization(busArn, organization.organizationId);
  const memberStackSet = createMemberAccounts({
    options: organization,
    functions,
    account,
    busArn,
    homeRegion: region,
  });
  return {
    ...outputs,
    memberStackSetName: memberStackSet.name,
    memberRoleName: organization.memberRoleName,
    memberRegions: organization.regions.join(','),
  };
}
