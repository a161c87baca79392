import type { FindingsRepository, SuppressionsRepository } from '@customs/store';

/** What `POST /sweeps` answers with: what was started. */
export interface SweepStarted {
  /** `started` when it runs in the background (Lambda invoke, local), `completed` when it finished. */
  status: 'started' | 'completed';
  startedAt: string;
  /** An id to find it by in logs (the local run's id, the Lambda request id). */
  id?: string;
}

/** Where a sweep is: its step while it runs, its counts when it ended (GET /sweeps/{id}). */
export interface SweepProgress {
  id: string;
  status: 'running' | 'completed' | 'failed';
  /** While running: reading the account, or evaluating and storing what it read. */
  step?: 'reading' | 'storing';
  startedAt: string;
  finishedAt?: string;
  /** Resources read (known once reading ends). */
  resources?: number;
  findings?: number;
  /** Lifecycle changes it made, by kind (opened, resolved, reopened, suppressed). */
  changes?: Record<string, number>;
  /** Why it failed (bounded, no stack). */
  error?: string;
}

/** Whether the API has data to answer with: not before the first sweep ends (locally). */
export interface Readiness {
  ready: boolean;
  /** What it waits for, e.g. `the first sweep (sweep 3f…) is reading the account`. */
  waitingFor?: string;
}

/** The request an unexpected error failed, as `onError` is told of it (the path as requested: untrusted). */
export interface FailedRequest {
  method: string;
  path: string;
}

/** What the API reads and writes with; built from the environment in AWS, by `customs start` locally. */
export interface ApiDependencies {
  findings: FindingsRepository;
  suppressions: SuppressionsRepository;
  /** The key that signs cursors (`CUSTOMS_CURSOR_KEY` in AWS, random per process locally). */
  cursorKey: string | Uint8Array;
  /** Starts a sweep: invokes the sweep function in AWS, runs `runSweep` locally. */
  startSweep(): Promise<SweepStarted>;
  /** The furthest ahead a suppression may expire, in days (core config `maxSuppressionDays`). */
  maxSuppressionDays: number;
  /** The most open findings one suppression covers without `"confirm": true` (core config `maxSuppressionMatches`) [50]. */
  maxSuppressionMatches?: number;
  /** Where each sweep is (GET /sweeps/{id}); GET /sweeps/{id} answers 501 without it. */
  sweeps?: { get(id: string): Promise<SweepProgress | undefined> };
  /** Whether data routes can answer (GET /health; /summary answers 503 until ready) [always ready]. */
  readiness?: () => Readiness;
  clock?: () => Date;
  /** Where unexpected errors are reported, once each (they are answered as 500 without details). */
  onError?: (error: unknown, request: FailedRequest) => void;
}
