import { EVENT_RULES, type EventRule } from '@customs/events';
import type { CustomsFunctions } from './functions.js';
import { organizationBusPolicy } from './member/index.js';
import { pascalCase } from './names.js';
import { type DeadLetterQueues, deadLetterQueue } from './queues.js';

/** What the rules route to and where the home bus is. */
export interface EventRulesInput {
  functions: CustomsFunctions;
  queues: DeadLetterQueues;
  homeRegion: string;
  busArn: $util.Input<string>;
}

/** A dead-letter queue outside the home region, with the provider of its region. */
export interface RemoteDeadLetterQueue {
  /** The component name of the forwarding rule, e.g. `CustomsIamForward`. */
  name: string;
  queue: sst.aws.Queue;
  provider: aws.Provider;
}

/** EventBridge retries delivery for up to six hours, at most ten times, before the DLQ. */
const RETRY_POLICY = { maximumEventAgeInSeconds: 6 * 60 * 60, maximumRetryAttempts: 10 };

/** The queue policy that lets EventBridge send the failed events of one rule to its DLQ. */
function allowRuleToSend(
  name: string,
  queue: sst.aws.Queue,
  ruleArn: $util.Input<string>,
  opts?: $util.CustomResourceOptions,
): aws.sqs.QueuePolicy {
  const policy = $jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queue.arn,
        Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
      },
    ],
  });
  return new aws.sqs.QueuePolicy(name, { queueUrl: queue.url, policy }, opts);
}

/** One rule on the home region's default bus, targeting its handler, with retries and a DLQ. */
function routeToHandler(
  rule: EventRule,
  fn: sst.aws.Function,
  queue: sst.aws.Queue,
): aws.cloudwatch.EventRule {
  const name = pascalCase(rule.name);
  const eventRule = new aws.cloudwatch.EventRule(`${name}Rule`, {
    description: rule.description,
    eventBusName: 'default',
    eventPattern: JSON.stringify(rule.pattern),
  });
  allowRuleToSend(`${name}DlqPolicy`, queue, eventRule.arn);
  new aws.lambda.Permission(`${name}Invoke`, {
    action: 'lambda:InvokeFunction',
    function: fn.name,
    principal: 'events.amazonaws.com',
    sourceArn: eventRule.arn,
  });
  new aws.cloudwatch.EventTarget(`${name}Target`, {
    rule: eventRule.name,
    eventBusName: 'default',
    arn: fn.arn,
    retryPolicy: RETRY_POLICY,
    deadLetterConfig: { arn: queue.arn },
  });
  return eventRule;
}

/**
 * A rule in the region where AWS delivers the rule's events (us-east-1 for IAM) that forwards them,
 * unchanged, to the home region's default bus, where `routeToHandler`'s rule matches them again.
 */
function forwardToHome(rule: EventRule, region: string, busArn: $util.Input<string>): RemoteDeadLetterQueue {
  const name = `${pascalCase(rule.name)}Forward`;
  const provider = new aws.Provider(`${name}Provider`, { region });
  const account = aws.getCallerIdentityOutput().accountId;
  const role = new aws.iam.Role(`${name}Role`, {
    description: `EventBridge forwards ${rule.name} events from ${region} to the home region's default bus`,
    assumeRolePolicy: $jsonStringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': account } },
        },
      ],
    }),
  });
  new aws.iam.RolePolicy(`${name}PutEvents`, {
    role: role.id,
    policy: $jsonStringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: busArn }],
    }),
  });
  const eventRule = new aws.cloudwatch.EventRule(
    `${name}Rule`,
    {
      description: `${rule.description}, forwarded to the home region`,
      eventBusName: 'default',
      eventPattern: JSON.stringify(rule.pattern),
    },
    { provider },
  );
  const queue = deadLetterQueue(`${name}Dlq`, { provider });
  allowRuleToSend(`${name}DlqPolicy`, queue, eventRule.arn, { provider });
  new aws.cloudwatch.EventTarget(
    `${name}Target`,
    {
      rule: eventRule.name,
      eventBusName: 'default',
      arn: busArn,
      roleArn: role.arn,
      retryPolicy: RETRY_POLICY,
      deadLetterConfig: { arn: queue.arn },
    },
    { provider },
  );
  return { name, queue, provider };
}

/**
 * One rule per handler on the default bus, patterns from packages/events (EVENT_RULES); for a rule
 * whose events AWS delivers in another region only, a forwarding rule there too.
 * @example const remoteQueues = createEventRules({ functions, queues, homeRegion: 'eu-west-1', busArn });
 */
export function createEventRules(input: EventRulesInput): RemoteDeadLetterQueue[] {
  const remote: RemoteDeadLetterQueue[] = [];
  for (const rule of EVENT_RULES) {
    routeToHandler(rule, input.functions[rule.handler], input.queues[rule.handler]);
    if (rule.deliveredIn !== undefined && rule.deliveredIn !== input.homeRegion) {
      remote.push(forwardToHome(rule, rule.deliveredIn, input.busArn));
    }
  }
  return remote;
}

/**
 * The home bus's resource policy when the deployment serves an organisation: `events:PutEvents`
 * from the organisation's principals only (the member accounts' forwarding roles). It is the
 * default bus's whole policy: a policy set on it by other means is replaced.
 * @example allowOrganization(busArn, 'o-a1b2c3d4e5');
 */
export function allowOrganization(
  busArn: $util.Input<string>,
  organizationId: string,
): aws.cloudwatch.EventBusPolicy {
  return new aws.cloudwatch.EventBusPolicy('CustomsOrganizationBusPolicy', {
    eventBusName: 'default',
    policy: $jsonStringify(organizationBusPolicy(busArn, organizationId)),
  });
}
