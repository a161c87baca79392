import { ApiError, type SweepStarted } from '@customs/api';
import type { PipelineDependencies, SweepOutcome } from '@customs/pipeline';
import { SweepRegistry } from './sweep-registry.js';

/**
 * `POST /sweeps` for the local stack: runs `runSweep` in the background (recorded in `registry`,
 * for GET /sweeps/{id}) and answers at once with what was started; a second request while one
 * runs is answered 409. `onDone` gets each outcome (or error), e.g. to print it.
 * @example const startSweep = localSweepStarter(pipeline, (outcome) => console.log(outcome), registry);
 */
export function localSweepStarter(
  dependencies: PipelineDependencies,
  onDone: (outcome: SweepOutcome | Error, started: SweepStarted) => void = () => {},
  registry: SweepRegistry = new SweepRegistry(),
): () => Promise<SweepStarted> {
  return async function startSweep() {
    const running = registry.running();
    if (running) throw new ApiError(409, 'conflict', `Sweep ${running.id} is still running`);
    const { started, done } = registry.run(dependencies);
    done.then(
      (outcome) => onDone(outcome, started),
      (error: unknown) => onDone(error instanceof Error ? error : new Error(String(error)), started),
    );
    return started;
  };
}
