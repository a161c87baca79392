export { securityHubPublisher } from './publisher.js';
