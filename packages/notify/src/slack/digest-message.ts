import { RECOMMENDATIONS, SEVERITIES } from '@customs/core';
import type { FindingTransition, TransitionKind } from '../transitions/index.js';
import {
  context,
  escapeMrkdwn,
  fields,
  header,
  type SlackMessage,
  section,
  untrustedMrkdwn,
} from './block-kit.js';
import { findingUrl, type MessageOptions, SEVERITY_ICONS } from './finding-message.js';

export interface DigestOptions extends MessageOptions {
  /** How many transitions the digest lists, most severe first; 10 by default. */
  top?: number;
}

const KIND_ORDER: TransitionKind[] = [
  'opened',
  'reopened',
  'now-in-use',
  'severity-changed',
  'suppressed',
  'resolved',
];

function countBy<K extends string>(items: readonly FindingTransition[], key: (t: FindingTransition) => K) {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Most severe first; failing before resolved; then by check and resource, for a stable order. */
function bySeverity(a: FindingTransition, b: FindingTransition): number {
  const rank = (t: FindingTransition) => SEVERITIES.indexOf(t.finding.severity);
  const kind = (t: FindingTransition) => KIND_ORDER.indexOf(t.kind);
  return (
    rank(a) - rank(b) ||
    kind(a) - kind(b) ||
    a.finding.checkId.localeCompare(b.finding.checkId) ||
    a.finding.resourceId.localeCompare(b.finding.resourceId)
  );
}

/**
 * One message for many transitions (a sweep, a large batch): counts per transition, per CSA
 * recommendation and per severity, then the `top` transitions, most severe first.
 * @example await sender.send(webhookUrl, digestMessage(transitions, { top: 10, apiUrl }));
 */
export function digestMessage(
  transitions: readonly FindingTransition[],
  options: DigestOptions = {},
): SlackMessage {
  const top = options.top ?? 10;
  const kinds = countBy(transitions, (t) => t.kind);
  const recommendations = countBy(transitions, (t) => t.finding.recommendation);
  const severities = countBy(transitions, (t) => t.finding.severity);
  const kindLine = KIND_ORDER.filter((kind) => kinds.has(kind))
    .map((kind) => `${kinds.get(kind)} ${kind}`)
    .join(', ');
  const listed = [...transitions].sort(bySeverity).slice(0, top);
  const lines = listed.map(function listLine(t) {
    const url = findingUrl(options.apiUrl, t.finding.id);
    const title = untrustedMrkdwn(t.finding.title, { maxLength: 150 });
    // A link's text ends at `|` or `>`: both are escaped or absent in the title, the URL is encoded.
    const linked = url ? `<${escapeMrkdwn(url)}|${title}>` : title;
    const severity = untrustedMrkdwn(t.finding.severity, { maxLength: 20 });
    return `${SEVERITY_ICONS[t.finding.severity] ?? ''} *${severity}* ${t.kind} · ${linked} · \`${untrustedMrkdwn(t.finding.resourceName, { maxLength: 150 })}\``;
  });
  const rest = transitions.length - listed.length;
  const blocks = [
    header(`Customs digest: ${transitions.length} finding changes`),
    section(escapeMrkdwn(kindLine)),
    fields([
      [
        'By recommendation',
        RECOMMENDATIONS.filter((id) => recommendations.has(id))
          .map((id) => `${id}: ${recommendations.get(id)}`)
          .join('\n'),
      ],
      [
        'By severity',
        SEVERITIES.filter((severity) => severities.has(severity))
          .map((severity) => `${severity}: ${severities.get(severity)}`)
          .join('\n'),
      ],
    ]),
    section(`*Top ${listed.length} by severity*\n${lines.join('\n')}`),
  ];
  if (rest > 0) blocks.push(context(`and ${rest} more: list them with GET /findings`));
  return { text: `Customs digest: ${transitions.length} finding changes (${kindLine})`, blocks };
}
