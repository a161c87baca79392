import type { FindingChange } from '@customs/store';
import type { LocalPipeline } from '../runtime/index.js';
import type { StoryStep } from './story-step.js';

/** What one step of a story did. */
export interface StoryOutcome {
  step: StoryStep;
  changes: FindingChange[];
}

/**
 * Plays a story on a running local pipeline whose collector reads `dir` afresh on every collect:
 * each step changes the account, then publishes its events on the bus.
 * @example for await (const { step, changes } of playStory(DEMO_STORY, pipeline, dir)) print(step.title, changes);
 */
export async function* playStory(
  steps: StoryStep[],
  pipeline: LocalPipeline,
  dir: string,
): AsyncGenerator<StoryOutcome> {
  const { collector } = pipeline.dependencies;
  const capturedAt = pipeline.dependencies.assessAt?.() ?? new Date();
  for (const step of steps) {
    await step.change(dir, capturedAt);
    const changes: FindingChange[] = [];
    for (const event of step.events(collector.scope)) {
      const delivery = await pipeline.bus.publish(event);
      if (delivery.outcome === 'delivered')
        changes.push(...delivery.results.flatMap((result) => result.changes));
    }
    yield { step, changes };
  }
}
