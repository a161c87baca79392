/** The subset of Slack's Block Kit that Customs sends (https://api.slack.com/block-kit). */
export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

export type Block =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | {
      type: 'actions';
      elements: { type: 'button'; text: TextObject; url: string; action_id: string }[];
    };

/** An incoming webhook's payload: `text` is the notification's fallback, `blocks` the layout. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits: header text 150 characters, section text 3000, a field 2000. */
const LIMITS = { header: 150, section: 3000, field: 2000 } as const;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * Escapes the three characters Slack's mrkdwn gives a meaning to (&, <, >).
 * @example escapeMrkdwn('a <b> & c'); // 'a &lt;b&gt; &amp; c'
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.header) } };
}

/** A section of mrkdwn text (already escaped). */
export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.section) } };
}

/** A section of labelled fields (values already escaped), at most 10 as Slack allows. */
export function fields(pairs: [label: string, value: string][]): Block {
  return {
    type: 'section',
    fields: pairs.slice(0, 10).map(([label, value]) => ({
      type: 'mrkdwn',
      text: clip(`*${label}*\n${value}`, LIMITS.field),
    })),
  };
}

export function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.section) }] };
}

export function linkButton(label: string, url: string): Block {
  return {
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: label }, url, action_id: 'open-finding' }],
  };
}
