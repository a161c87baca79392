export { auditLogEvent, auditLogPayload } from './audit-log-events.js';
export { cloudTrailEvent, imageActionEvent } from './aws-events.js';
export { DEMO_STORY } from './demo-story.js';
export { playStory, type StoryOutcome } from './play-story.js';
