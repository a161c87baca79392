export type { Block, SlackMessage, TextObject } from './block-kit.js';
export { escapeMrkdwn } from './block-kit.js';
export { type DigestOptions, digestMessage } from './digest-message.js';
export { findingUrl, type MessageOptions, transitionMessage } from './finding-message.js';
export { Pacer } from './pacer.js';
export { printingSender, renderMessageText } from './printing-sender.js';
export {
  type HttpSlackSenderOptions,
  httpSlackSender,
  SlackDeliveryError,
  type SlackSender,
} from './slack-sender.js';
export {
  assertWebhookUrl,
  redactWebhookUrl,
  scrubWebhookUrl,
  WebhookUrlError,
  webhookTarget,
} from './webhook-url.js';
