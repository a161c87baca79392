export {
  entrySize,
  findingEventEntry,
} from './finding-event.js';
export {
  eventBridgePublisher,
  type FindingEventPublisher,
} from './publisher.js';
