import type { EventScope } from './aws-events.js';

/** One moment of the story: what changes in the account, and the events AWS sends about it. */
export interface StoryStep {
  title: string;
  change(dir: string, capturedAt: Date): Promise<void>;
  events(scope: EventScope): unknown[];
}
