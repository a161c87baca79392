export { type Assessment, assessRefs } from './assess-refs.js';
export type { PipelineDependencies } from './dependencies.js';
export { type EventOutcome, processEvent, processParsedEvent } from './process-event.js';
export { runSweep, type SweepOutcome } from './run-sweep.js';
