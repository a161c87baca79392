export {
  entrySize,
  findingEventEntry,
} from './finding-event.js';
export {
  eventBridgePublisher,
  type FindingEventPublisher,
  type PublishOutcome,
} from './publisher.js';
