export {
  type NotifyConfig,
  notifyConfigFromEnv,
  parseNotifyConfig,
  type SlackConfig,
} from './notify-config.js';
export { slackWebhookFor } from './route-transition.js';
