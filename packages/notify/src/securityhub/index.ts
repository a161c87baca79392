export {
  SECURITY_HUB_BATCH,
  SECURITY_HUB_RATE,
  type SecurityHubPublisherOptions,
  securityHubPublisher,
} from './publisher.js';
export { workflowChangeOf } from './workflow-updates.js';
