import { randomUUID } from 'node:crypto';
import { ApiError, type SweepStarted } from '@customs/api';
import { type PipelineDependencies, runSweep, type SweepOutcome } from '@customs/pipeline';

/**
 * `POST /sweeps` for the local stack: runs `runSweep` in the background and answers at once with
 * what was started; a second request while one runs is answered 409. `onDone` gets each outcome
 * (or error), e.g. to print it.
 * @example const startSweep = localSweepStarter(pipeline, (outcome) => console.log(outcome));
 */
export function localSweepStarter(
  dependencies: PipelineDependencies,
  onDone: (outcome: SweepOutcome | Error, started: SweepStarted) => void = () => {},
): () => Promise<SweepStarted> {
  let running: SweepStarted | undefined;
  return async function startSweep() {
    if (running) throw new ApiError(409, 'conflict', `Sweep ${running.id} is still running`);
    const started: SweepStarted = {
      status: 'started',
      startedAt: dependencies.clock().toISOString(),
      id: randomUUID(),
    };
    running = started;
    runSweep(dependencies).then(
      (outcome) => {
        running = undefined;
        onDone(outcome, started);
      },
      (error: unknown) => {
        running = undefined;
        onDone(error instanceof Error ? error : new Error(String(error)), started);
      },
    );
    return started;
  };
}
