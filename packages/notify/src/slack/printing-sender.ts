import type { Block, SlackMessage } from './block-kit.js';
import type { SlackSender } from './slack-sender.js';
import { redactWebhookUrl } from './webhook-url.js';

function blockText(block: Block): string[] {
  switch (block.type) {
    case 'header':
      return [`== ${block.text.text} ==`];
    case 'section':
      return [
        ...(block.text ? [block.text.text] : []),
        ...(block.fields ?? []).map((f) => f.text.replace('\n', ' ')),
      ];
    case 'context':
      return block.elements.map((element) => element.text);
    case 'actions':
      return block.elements.map((button) => `[${button.text.text}] ${button.url}`);
    case 'divider':
      return ['---'];
  }
}

/**
 * The text of a message as a terminal shows it: one line per block element.
 * @example process.stdout.write(renderMessageText(transitionMessage(transition)));
 */
export function renderMessageText(message: SlackMessage): string {
  const text = message.blocks.flatMap(blockText).join('\n');
  return `${text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')}\n`;
}

/**
 * A sender that prints the messages it would send (when no webhook is configured locally).
 * @example const sender = printingSender((text) => process.stderr.write(text));
 */
export function printingSender(write: (text: string) => void): SlackSender {
  return {
    async send(webhookUrl, message) {
      const to = URL.canParse(webhookUrl)
        ? redactWebhookUrl(webhookUrl)
        : 'Slack (SLACK_WEBHOOK_URL is not set)';
      write(`Would post to ${to}:\n${renderMessageText(message)}\n`);
    },
  };
}
