import type { FindingsRepository, SuppressionsRepository } from '@customs/store';

/** What `POST /sweeps` answers with: what was started. */
export interface SweepStarted {
  /** `started` when it runs in the background (Lambda invoke, local), `completed` when it finished. */
  status: 'started' | 'completed';
  startedAt: string;
  /** An id to find it by in logs (the local run's id, the Lambda request id). */
  id?: string;
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
  clock?: () => Date;
  /** Where unexpected errors are reported, once each (they are answered as 500 without details). */
  onError?: (error: unknown, request: FailedRequest) => void;
}
