import { randomUUID } from 'node:crypto';
import type { Readiness, SweepProgress, SweepStarted } from '@customs/api';
import { LIFECYCLE_CHANGES, safeText } from '@customs/core';
import { type PipelineDependencies, runSweep, type SweepOutcome } from '@customs/pipeline';

/** Sweeps kept for GET /sweeps/{id}: the latest 100. */
const KEPT = 100;

/**
 * The local stack's sweeps and their progress (GET /sweeps/{id}), and its readiness: ready once
 * its first sweep has ended (GET /health; /summary answers 503 before). In memory: a sweep is a
 * run of this process.
 * @example const sweeps = new SweepRegistry(); const { started, done } = sweeps.run(pipeline.dependencies);
 */
export class SweepRegistry {
  readonly #sweeps = new Map<string, SweepProgress>();
  #first: string | undefined;

  /** Starts a sweep and records its steps and outcome; `done` settles with it; `onStep` is told of each step. */
  run(
    dependencies: PipelineDependencies,
    onStep?: (step: { step: 'reading' | 'storing'; resources?: number }) => void,
  ): { started: SweepStarted; done: Promise<SweepOutcome> } {
    const id = randomUUID();
    const startedAt = dependencies.clock().toISOString();
    const progress: SweepProgress = { id, status: 'running', step: 'reading', startedAt };
    this.#remember(progress);
    this.#first ??= id;
    const done = runSweep(dependencies, {
      onStep: ({ step, resources }) => {
        progress.step = step;
        if (resources !== undefined) progress.resources = resources;
        onStep?.(resources === undefined ? { step } : { step, resources });
      },
    });
    done.then(
      (outcome) => {
        const counts: Record<string, number> = Object.fromEntries(LIFECYCLE_CHANGES.map((kind) => [kind, 0]));
        for (const { transition } of outcome.changes) {
          if (counts[transition] !== undefined) counts[transition] += 1;
        }
        const { step: _step, ...rest } = progress;
        this.#sweeps.set(id, {
          ...rest,
          status: 'completed',
          finishedAt: dependencies.clock().toISOString(),
          resources: outcome.resources,
          findings: outcome.findings,
          changes: counts,
        });
      },
      (error: unknown) => {
        const { step: _step, ...rest } = progress;
        const message = safeText(error instanceof Error ? error.message : String(error), { maxLength: 300 });
        this.#sweeps.set(id, {
          ...rest,
          status: 'failed',
          finishedAt: dependencies.clock().toISOString(),
          error: message,
        });
      },
    );
    return { started: { status: 'started', startedAt, id }, done };
  }

  async get(id: string): Promise<SweepProgress | undefined> {
    const found = this.#sweeps.get(id);
    return found ? { ...found } : undefined;
  }

  /** The one running, if any. */
  running(): SweepProgress | undefined {
    return [...this.#sweeps.values()].find((each) => each.status === 'running');
  }

  /** Ready once the first sweep has ended (completed or failed). */
  readiness(): Readiness {
    const first = this.#first === undefined ? undefined : this.#sweeps.get(this.#first);
    if (first && first.status !== 'running') return { ready: true };
    if (!first) return { ready: false, waitingFor: 'the first sweep has not started' };
    const read =
      first.resources === undefined ? 'is reading the account' : `is storing ${first.resources} resources`;
    return { ready: false, waitingFor: `the first sweep (${first.id}) ${read}` };
  }

  #remember(progress: SweepProgress): void {
    this.#sweeps.set(progress.id, progress);
    for (const id of this.#sweeps.keys()) {
      if (this.#sweeps.size <= KEPT || id === this.#first) continue;
      this.#sweeps.delete(id);
    }
  }
}
