import { ConfigError, RECOMMENDATIONS, SEVERITIES } from '@customs/core';
import * as z from 'zod';
import { assertWebhookUrl } from '../slack/webhook-url.js';

/** An AWS account id: 12 digits. */
const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits');
/** An AWS Organizations OU id, as Organizations writes them (`ou-` root id part `-` random part). */
const organizationalUnitId = z
  .string()
  .regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, 'an organizational unit id such as ou-ab12-cd34ef56');

const route = z
  .object({
    recommendation: z.enum(RECOMMENDATIONS).optional(),
    severity: z.enum(SEVERITIES).optional(),
    /** The findings of these accounts (one id or several). */
    accountId: z.union([accountId, z.array(accountId).min(1).max(1000)]).optional(),
    /** The findings of the accounts of this OU (`organizationalUnits` lists them). */
    organizationalUnit: organizationalUnitId.optional(),
    webhookUrl: z.string().min(1),
  })
  .strict()
  .refine(
    (value) =>
      value.recommendation !== undefined ||
      value.severity !== undefined ||
      value.accountId !== undefined ||
      value.organizationalUnit !== undefined,
    {
      message: 'a route names a recommendation, a severity or both (or an accountId, an organizationalUnit)',
    },
  );

const slack = z
  .object({
    /** The default webhook; transitions no route claims go there. No Slack at all when absent. */
    webhookUrl: z.string().min(1).optional(),
    /** Transitions of findings less severe than this are not posted. */
    minSeverity: z.enum(SEVERITIES).default('high'),
    /** Do not post resolved findings (EventBridge still carries them). */
    quietResolved: z.boolean().default(false),
    /** More transitions than this for one webhook in one batch make one digest message. */
    digestThreshold: z.number().int().min(1).default(10),
    /** Transitions a digest lists, most severe first. */
    digestTop: z.number().int().min(1).max(25).default(10),
    /** Overrides of the default webhook, first match wins. */
    routes: z.array(route).default([]),
    /**
     * The member accounts of each OU the routes name (`aws organizations list-accounts-for-parent
     * --parent-id ou-…`): an account's findings take the routes of its OU.
     */
    organizationalUnits: z.record(organizationalUnitId, z.array(accountId).max(10_000)).default({}),
    /**
     * ECR image findings take a route that names a severity only while their image runs
     * (`inUse.running > 0`, or Amazon Inspector's `inUse.inspector.inUseCount > 0`); an image nothing runs goes to a route without a severity, or the
     * default webhook.
     */
    imageSeverityRoutesInUseOnly: z.boolean().default(false),
  })
  .strict();

/** Routing of finding transitions to Slack, EventBridge and (opt-in) Security Hub; every key has a default. */
export const notifyConfigSchema = z
  .object({
    /** The Customs API's base URL, for links to findings. */
    apiUrl: z.url().optional(),
    slack: slack.default(slack.parse({})),
    eventBridge: z
      .object({ busName: z.string().min(1).optional() })
      .strict()
      .default({}),
    /**
     * Import the findings into AWS Security Hub (the account's default product, ASFF), opt-in:
     * `{ "securityHub": { "enabled": true } }`, in the function's region unless `region` says.
     */
    securityHub: z
      .object({
        enabled: z.boolean().default(false),
        region: z
          .string()
          .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region name, e.g. eu-west-1')
          .optional(),
      })
      .strict()
      .default({ enabled: false }),
  })
  .strict();

export type NotifyConfig = z.infer<typeof notifyConfigSchema>;
export type SlackConfig = NotifyConfig['slack'];

/**
 * Validates a notify configuration and fills in the defaults; every webhook URL is checked
 * (`assertWebhookUrl`), so a wrong one is refused at start-up. Errors name the key and never
 * show a webhook's secret path.
 * @example const config = parseNotifyConfig({ slack: { webhookUrl, minSeverity: 'critical' } });
 */
export function parseNotifyConfig(input: unknown, source = 'the notify configuration'): NotifyConfig {
  const result = notifyConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ConfigError(`${source} is invalid: ${problems.join('; ')}`);
  }
  const config = result.data;
  if (config.slack.webhookUrl) assertWebhookUrl(config.slack.webhookUrl, `${source}: slack.webhookUrl`);
  config.slack.routes.forEach((entry, index) => {
    assertWebhookUrl(entry.webhookUrl, `${source}: slack.routes.${index}.webhookUrl`);
    const unit = entry.organizationalUnit;
    if (unit !== undefined && config.slack.organizationalUnits[unit] === undefined) {
      throw new ConfigError(
        `${source} is invalid: slack.routes.${index}.organizationalUnit: ${unit} is not in slack.organizationalUnits (list its accounts there)`,
      );
    }
  });
  return config;
}

/**
 * The configuration of a function or a local run from its environment: `CUSTOMS_NOTIFY_CONFIG`
 * (JSON, optional), with `SLACK_WEBHOOK_URL` as the default webhook, `CUSTOMS_API_URL`,
 * `CUSTOMS_BUS_NAME` and `CUSTOMS_SECURITY_HUB_REGION` (the Security Hub target on, there) over it. Throws at start-up on a bad value, naming the variable.
 * @example const config = notifyConfigFromEnv(process.env);
 */
export function notifyConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  let base: Record<string, unknown> = {};
  if (env.CUSTOMS_NOTIFY_CONFIG) {
    try {
      base = JSON.parse(env.CUSTOMS_NOTIFY_CONFIG) as Record<string, unknown>;
    } catch {
      throw new ConfigError('CUSTOMS_NOTIFY_CONFIG is not valid JSON');
    }
  }
  const webhookUrl = env.SLACK_WEBHOOK_URL?.trim();
  if (webhookUrl) assertWebhookUrl(webhookUrl, 'SLACK_WEBHOOK_URL');
  const baseSlack = (base.slack ?? {}) as Record<string, unknown>;
  const baseBus = (base.eventBridge ?? {}) as Record<string, unknown>;
  return parseNotifyConfig(
    {
      ...base,
      ...(env.CUSTOMS_API_URL ? { apiUrl: env.CUSTOMS_API_URL } : {}),
      slack: { ...baseSlack, ...(webhookUrl ? { webhookUrl } : {}) },
      eventBridge: { ...baseBus, ...(env.CUSTOMS_BUS_NAME ? { busName: env.CUSTOMS_BUS_NAME } : {}) },
      // The deployment's opt-in (infra, CUSTOMS_SECURITY_HUB at deploy) sets the region to import into.
      ...(env.CUSTOMS_SECURITY_HUB_REGION
        ? {
            securityHub: {
              ...((base.securityHub ?? {}) as object),
              enabled: true,
              region: env.CUSTOMS_SECURITY_HUB_REGION,
            },
          }
        : {}),
    },
    'CUSTOMS_NOTIFY_CONFIG',
  );
}
