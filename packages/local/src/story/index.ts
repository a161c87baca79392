export { awsSampleEvent, cloudTrailEvent, type EventScope, imageActionEvent } from './aws-events.js';
export { DEMO_STORY, type StoryStep } from './demo-story.js';
export { playStory, type StoryOutcome } from './play-story.js';
export {
  editCredentialReport,
  editSnapshotJson,
  removeSnapshotFile,
  writeSnapshotJson,
} from './snapshot-files.js';
