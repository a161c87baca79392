export type { SlackMessage } from './block-kit.js';
export { digestMessage } from './digest-message.js';
export { transitionMessage } from './finding-message.js';
export { printingSender, renderMessageText } from './printing-sender.js';
export {
  httpSlackSender,
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
