import type { Collector } from '@customs/aws';
import type { CheckRegistry, Config } from '@customs/core';
import type { FindingsRepository } from '@customs/store';

/** What the pipeline reads with, evaluates with and writes to. */
export interface PipelineDependencies {
  /** Reads the current state of the account and region (live SDK or snapshot). */
  collector: Collector;
  repository: FindingsRepository;
  config: Config;
  /** The checks to run; the full catalog by default. */
  catalog?: CheckRegistry;
  /** The time of an evaluation, recorded as `evaluatedAt` (orders writes in the store): `new Date()`. */
  clock: () => Date;
  /**
   * The time checks judge against, when it is not the clock's: a snapshot's `capturedAt`, so the
   * demo account gives the same verdicts on any day while its evaluations still follow each other.
   */
  assessAt?: () => Date;
}
