import { SEVERITIES, type Severity } from '@customs/core';
import type { FindingTransition } from '../transitions/index.js';
import type { SlackConfig } from './notify-config.js';

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** The severity that routes a transition: on a severity change, the more severe of the two. */
function routingSeverity(transition: FindingTransition): Severity {
  const { severity } = transition.finding;
  const before = transition.previousSeverity;
  return before !== undefined && rank(before) < rank(severity) ? before : severity;
}

/**
 * The webhook a transition is posted to, or undefined: below the minimum severity, a quiet
 * resolved, or no webhook configured. The first route matching the finding's recommendation and
 * severity wins over the default webhook; with `imageSeverityRoutesInUseOnly`, an ECR image finding
 * whose image runs nowhere skips the routes that name a severity.
 * @example slackWebhookFor(transition, config.slack); // 'https://hooks.slack.com/services/…'
 */
export function slackWebhookFor(transition: FindingTransition, slack: SlackConfig): string | undefined {
  if (transition.kind === 'resolved' && slack.quietResolved) return undefined;
  const severity = routingSeverity(transition);
  if (rank(severity) > rank(slack.minSeverity)) return undefined;
  const { recommendation, resourceType, inUse } = transition.finding;
  const idleImage =
    slack.imageSeverityRoutesInUseOnly && resourceType === 'ecr-image' && (inUse?.running ?? 0) === 0;
  const route = slack.routes.find(
    (candidate) =>
      (candidate.recommendation === undefined || candidate.recommendation === recommendation) &&
      (candidate.severity === undefined || (candidate.severity === severity && !idleImage)),
  );
  return route?.webhookUrl ?? slack.webhookUrl;
}
