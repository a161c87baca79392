export type { Block, SlackMessage, TextObject } from './block-kit.js';
export { escapeMrkdwn, untrustedMrkdwn, untrustedPlain } from './block-kit.js';
export { type DigestOptions, digestMessage } from './digest-message.js';
export { findingUrl, type MessageOptions, transitionMessage } from './finding-message.js';
export { Pacer } from './pacer.js';
export { printingSender, renderMessageText } from './printing-sender.js';
export {
  type HttpSlackSenderOptions,
  httpSlackSender,
  MAX_RETRY_AFTER_MS,
  RESENT_NOTE,
  SlackDeliveryError,
  type SlackSender,
  withResentNote,
} from './slack-sender.js';
export {
  assertWebhookUrl,
  redactWebhookUrl,
  scrubWebhookUrl,
  WebhookUrlError,
  webhookTarget,
} from './webhook-url.js';
