import { CATALOG, RECOMMENDATION_TITLES, type Severity } from '@customs/core';
import type { FindingTransition, TransitionKind } from '../transitions/index.js';
import {
  type Block,
  context,
  escapeMrkdwn,
  fields,
  header,
  linkButton,
  type SlackMessage,
  section,
} from './block-kit.js';

/** What a message may link to. */
export interface MessageOptions {
  /** The Customs API's base URL; the message links to `<apiUrl>/findings/<id>` when set. */
  apiUrl?: string;
}

export const SEVERITY_ICONS: Record<Severity, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':large_blue_circle:',
  informational: ':white_circle:',
};

const HEADLINES: Record<TransitionKind, string> = {
  opened: 'New finding',
  reopened: 'Finding failing again',
  resolved: 'Resolved',
  suppressed: 'Suppressed',
  'severity-changed': 'Severity changed',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The link to a finding in the API, when an API URL is configured.
 * @example findingUrl('https://api.example.com/', 'a1b2'); // 'https://api.example.com/findings/a1b2'
 */
export function findingUrl(apiUrl: string | undefined, findingId: string): string | undefined {
  if (!apiUrl) return undefined;
  return `${apiUrl.replace(/\/+$/, '')}/findings/${encodeURIComponent(findingId)}`;
}

/**
 * The Block Kit message of one transition: severity, check title, CSA recommendation, resource
 * (ARN, account, region), the failing value (the finding's message), the remediation (text and
 * CLI) while it fails, and a link to the finding in the API. A resolved finding says so.
 * @example await sender.send(webhookUrl, transitionMessage(transition, { apiUrl }));
 */
export function transitionMessage(transition: FindingTransition, options: MessageOptions = {}): SlackMessage {
  const { finding, kind } = transition;
  const check = CATALOG.get(finding.checkId);
  const severity = capitalize(finding.severity);
  const recommendation = `${finding.recommendation}: ${RECOMMENDATION_TITLES[finding.recommendation]}`;
  const failing = kind === 'opened' || kind === 'reopened' || kind === 'severity-changed';
  const headline = kind === 'resolved' ? `Resolved: ${finding.title}` : `${severity}: ${finding.title}`;
  const blocks: Block[] = [
    header(`${HEADLINES[kind]} · ${finding.title}`),
    section(`${SEVERITY_ICONS[finding.severity]} *${escapeMrkdwn(summaryLine(transition))}*`),
    fields([
      ['Severity', severityText(transition)],
      ['Recommendation', escapeMrkdwn(recommendation)],
      ['Resource', `\`${escapeMrkdwn(finding.resourceId)}\``],
      ['Account / region', `${escapeMrkdwn(finding.accountId)} / ${escapeMrkdwn(finding.region)}`],
    ]),
    section(`*${failing ? 'Failing value' : 'Now'}*\n${escapeMrkdwn(finding.message)}`),
  ];
  if (failing && check) {
    const remediation = escapeMrkdwn(check.remediation.text);
    blocks.push(section(`*Remediation*\n${remediation}\n\`\`\`${escapeMrkdwn(check.remediation.cli)}\`\`\``));
  }
  const url = findingUrl(options.apiUrl, finding.id);
  if (url) blocks.push(linkButton('View finding', url));
  blocks.push(
    context(`customs · ${escapeMrkdwn(finding.checkId)} · finding ${finding.id} v${transition.version}`),
  );
  return { text: `${headline} (${finding.resourceName})`, blocks };
}

function summaryLine({ kind, finding, previousState }: FindingTransition): string {
  const resource = finding.resourceName;
  switch (kind) {
    case 'opened':
      return `${resource} fails ${finding.checkId}`;
    case 'reopened':
      return `${resource} fails ${finding.checkId} again (was ${previousState ?? 'resolved'})`;
    case 'resolved':
      return `${resource} no longer fails ${finding.checkId}: resolved`;
    case 'suppressed':
      return `${resource}: ${finding.checkId} is suppressed`;
    case 'severity-changed':
      return `${resource} fails ${finding.checkId} at a new severity`;
  }
}

function severityText({ kind, finding, previousSeverity }: FindingTransition): string {
  const now = capitalize(finding.severity);
  return kind === 'severity-changed' && previousSeverity ? `${capitalize(previousSeverity)} → ${now}` : now;
}
