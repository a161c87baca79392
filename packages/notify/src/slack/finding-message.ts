import { CATALOG, RECOMMENDATION_TITLES, type Severity, safeText } from '@customs/core';
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
  untrustedMrkdwn,
  untrustedPlain,
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
  'now-in-use': 'Now running',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The link to a finding in the API, when an API URL is configured.
 * @example findingUrl('https://api.example.com/', 'a1b2'); // 'https://api.example.com/findings/a1b2'
 */
export function findingUrl(apiUrl: string | undefined, findingId: string): string | undefined {
  if (!apiUrl) return undefined;
  // safeText first: a lone surrogate would make encodeURIComponent throw.
  return `${apiUrl.replace(/\/+$/, '')}/findings/${encodeURIComponent(safeText(findingId, { maxLength: 200 }))}`;
}

/** How much of each untrusted value a message shows (Slack's own limits are larger). */
const SHOWN = { name: 200, id: 100, short: 50, message: 1500 } as const;

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
  const failing =
    kind === 'opened' || kind === 'reopened' || kind === 'severity-changed' || kind === 'now-in-use';
  const title = untrustedPlain(finding.title, { maxLength: SHOWN.name });
  const headline = kind === 'resolved' ? `Resolved: ${finding.title}` : `${severity}: ${finding.title}`;
  const message = untrustedMrkdwn(finding.message, { maxLength: SHOWN.message, keepNewlines: true });
  const where = `${untrustedMrkdwn(finding.accountId, { maxLength: SHOWN.short })} / ${untrustedMrkdwn(finding.region, { maxLength: SHOWN.short })}`;
  const blocks: Block[] = [
    header(`${HEADLINES[kind]} · ${title}`),
    section(`${SEVERITY_ICONS[finding.severity] ?? ''} *${untrustedMrkdwn(summaryLine(transition))}*`),
    fields([
      ['Severity', untrustedMrkdwn(severityText(transition), { maxLength: SHOWN.short })],
      ['Recommendation', untrustedMrkdwn(recommendation, { maxLength: SHOWN.name })],
      ['Resource', `\`${untrustedMrkdwn(finding.resourceId)}\``],
      ['Account / region', where],
    ]),
    section(`*${failing ? 'Failing value' : 'Now'}*\n${message}`),
  ];
  if (failing && check) {
    const remediation = escapeMrkdwn(check.remediation.text);
    blocks.push(section(`*Remediation*\n${remediation}\n\`\`\`${escapeMrkdwn(check.remediation.cli)}\`\`\``));
  }
  const url = findingUrl(options.apiUrl, finding.id);
  if (url) blocks.push(linkButton('View finding', url));
  const about = `${untrustedMrkdwn(finding.checkId, { maxLength: SHOWN.id })} · finding ${untrustedMrkdwn(finding.id, { maxLength: SHOWN.id })} v${transition.version}`;
  blocks.push(context(`customs · ${about}`));
  const fallback = `${headline} (${safeText(finding.resourceName, { maxLength: SHOWN.name })})`;
  return { text: untrustedMrkdwn(fallback, { maxLength: 500 }), blocks };
}

/** The first line, with the resource's name and check id bounded (escaped by the caller). */
function summaryLine({ kind, finding, previousState }: FindingTransition): string {
  const resource = safeText(finding.resourceName, { maxLength: SHOWN.name });
  const checkId = safeText(finding.checkId, { maxLength: SHOWN.id });
  switch (kind) {
    case 'opened':
      return `${resource} fails ${checkId}`;
    case 'reopened':
      return `${resource} fails ${checkId} again (was ${safeText(previousState ?? 'resolved', { maxLength: SHOWN.short })})`;
    case 'resolved':
      return `${resource} no longer fails ${checkId}: resolved`;
    case 'suppressed':
      return `${resource}: ${checkId} is suppressed`;
    case 'severity-changed':
      return `${resource} fails ${checkId} at a new severity`;
    case 'now-in-use':
      return `${resource} fails ${checkId} and is now running in ${runningWhere(finding.inUse?.where ?? [])}`;
  }
}

/** The first places an image runs, bounded: `prod/payments, payments/payments-api and 3 more`. */
function runningWhere(where: readonly string[]): string {
  const shown = where.slice(0, 3).map((each) => safeText(each, { maxLength: SHOWN.name }));
  const more = where.length > shown.length ? ` and ${where.length - shown.length} more` : '';
  return shown.length === 0 ? 'a deployment' : `${shown.join(', ')}${more}`;
}

function severityText({ kind, finding, previousSeverity }: FindingTransition): string {
  const now = capitalize(finding.severity);
  return kind === 'severity-changed' && previousSeverity ? `${capitalize(previousSeverity)} → ${now}` : now;
}
