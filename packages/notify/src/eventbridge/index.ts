export {
  batchEntries,
  entrySize,
  FINDING_EVENT_DETAIL_TYPE,
  FINDING_EVENT_SOURCE,
  type FindingChangedDetail,
  findingEventEntry,
  PUT_EVENTS_LIMITS,
} from './finding-event.js';
export {
  type EventBridgePublisherOptions,
  eventBridgePublisher,
  type FindingEventPublisher,
  type PublishOutcome,
} from './publisher.js';
