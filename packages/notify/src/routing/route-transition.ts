import { isImageInUse, SEVERITIES, type Severity } from '@customs/core';
import type { FindingTransition } from '../transitions/index.js';
import type { SlackConfig } from './notify-config.js';

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** The severity that routes a transition: on a severity change, the more severe of the two. */
function routingSeverity(transition: FindingTransition): Severity {
  const { severity } = transition.finding;
  const before = transition.previousSeverity;
  return before !== undefined && rank(before) < rank(severity) ? before : severity;
}

type Route = SlackConfig['routes'][number];

/** Whether a route's account and OU (when it names them) hold the finding's account. */
function matchesAccount(route: Route, account: string, slack: SlackConfig): boolean {
  const { accountId, organizationalUnit } = route;
  if (accountId !== undefined && !(Array.isArray(accountId) ? accountId : [accountId]).includes(account)) {
    return false;
  }
  if (organizationalUnit === undefined) return true;
  return (slack.organizationalUnits[organizationalUnit] ?? []).includes(account);
}

/**
 * The webhook a transition is posted to, or undefined: below the minimum severity, a quiet
 * resolved, or no webhook configured. The first route matching the finding's recommendation,
 * severity, account and OU (each when the route names it) wins over the default webhook; with
 * `imageSeverityRoutesInUseOnly`, an ECR image finding whose image runs nowhere skips the routes
 * that name a severity.
 * @example slackWebhookFor(transition, config.slack); // 'https://hooks.slack.com/services/…'
 */
export function slackWebhookFor(transition: FindingTransition, slack: SlackConfig): string | undefined {
  if (transition.kind === 'resolved' && slack.quietResolved) return undefined;
  const severity = routingSeverity(transition);
  if (rank(severity) > rank(slack.minSeverity)) return undefined;
  const { recommendation, resourceType, inUse, accountId } = transition.finding;
  const idleImage =
    slack.imageSeverityRoutesInUseOnly && resourceType === 'ecr-image' && !isImageInUse(inUse);
  const route = slack.routes.find(
    (candidate) =>
      (candidate.recommendation === undefined || candidate.recommendation === recommendation) &&
      (candidate.severity === undefined || (candidate.severity === severity && !idleImage)) &&
      matchesAccount(candidate, accountId, slack),
  );
  return route?.webhookUrl ?? slack.webhookUrl;
}
