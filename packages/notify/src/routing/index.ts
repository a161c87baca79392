export {
  type NotifyConfig,
  notifyConfigFromEnv,
  notifyConfigSchema,
  parseNotifyConfig,
  type SlackConfig,
  type SlackRoute,
} from './notify-config.js';
export { slackWebhookFor } from './route-transition.js';
