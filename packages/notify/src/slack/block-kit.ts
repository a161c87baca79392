import { type SafeTextOptions, safeText } from '@customs/core';

/** The subset of Slack's Block Kit that Customs sends (https://api.slack.com/block-kit). */
export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  /**
   * On mrkdwn, always true here: Slack then does not auto-link URLs and channel names nor parse
   * mentions in the plain parts of the text (Block Kit, "Text object").
   */
  verbatim?: boolean;
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

/** At most `limit` characters, never splitting a surrogate pair. */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 2);
  const end = code >= 0xd800 && code <= 0xdbff ? limit - 2 : limit - 1;
  return `${text.slice(0, end)}…`;
}

/** The mentions Slack gives a meaning to when written out (`@here`…); a word joiner after `@` defuses them. */
const SPECIAL_MENTIONS = ['here', 'channel', 'everyone'] as const;
const WORD_JOINER = '\u2060';

/** `@here`, `@channel` and `@everyone` (any case) with a word joiner after the `@`: shown alike, never a ping. */
function defuseMentions(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const next = text.slice(at + 1, at + 9).toLowerCase();
    if (SPECIAL_MENTIONS.some((word) => next.startsWith(word))) {
      out += `${text.slice(from, at + 1)}${WORD_JOINER}`;
      from = at + 1;
    }
  }
  return out + text.slice(from);
}

/**
 * Escapes the three characters Slack's mrkdwn gives a meaning to (&, <, >), as Slack's "Escaping
 * text" asks, so that no value forms a link, a `<!channel>` or a `<@user>`; and defuses a written
 * `@here`, `@channel` or `@everyone`.
 * @example escapeMrkdwn('a <b> & c'); // 'a &lt;b&gt; &amp; c'
 */
export function escapeMrkdwn(text: string): string {
  return defuseMentions(text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
}

/**
 * Untrusted text (a resource name, ARN, message from an account or an event) ready for mrkdwn:
 * bounded and control-escaped by `safeText` (500 characters unless told), then escaped for Slack.
 * @example untrustedMrkdwn('<!channel> \u001b[2J'); // '&lt;!channel&gt; \\u001b[2J'
 */
export function untrustedMrkdwn(value: unknown, options: SafeTextOptions = {}): string {
  return escapeMrkdwn(safeText(value, options));
}

/**
 * Untrusted text for a plain_text object (a header, which Slack neither formats nor parses):
 * bounded, control-escaped, mentions defused. The message's fallback `text` is mrkdwn: use
 * `untrustedMrkdwn` there.
 * @example untrustedPlain('team/app @here'); // 'team/app @\u2060here'
 */
export function untrustedPlain(value: unknown, options: SafeTextOptions = {}): string {
  return defuseMentions(safeText(value, options));
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.header) } };
}

/** A section of mrkdwn text (values already escaped). */
export function section(text: string): Block {
  return { type: 'section', text: mrkdwn(clip(text, LIMITS.section)) };
}

function mrkdwn(text: string): TextObject {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** A section of labelled fields (values already escaped), at most 10 as Slack allows. */
export function fields(pairs: [label: string, value: string][]): Block {
  return {
    type: 'section',
    fields: pairs.slice(0, 10).map(([label, value]) => mrkdwn(clip(`*${label}*\n${value}`, LIMITS.field))),
  };
}

export function context(text: string): Block {
  return { type: 'context', elements: [mrkdwn(clip(text, LIMITS.section))] };
}

export function linkButton(label: string, url: string): Block {
  return {
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: label }, url, action_id: 'open-finding' }],
  };
}
