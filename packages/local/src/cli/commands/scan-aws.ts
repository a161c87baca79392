import {
  AccountUnknownError,
  AwsCollector,
  type Collector,
  type CollectResult,
  errorKind,
  MultiRegionCollector,
  type Recorder,
} from '@customs/aws';
import { UsageError } from '../errors.js';

/** Where and how a live read goes. */
export interface LiveOptions {
  /** Regions to read (each once); none: the default chain's region. */
  regions: string[];
  profile?: string;
  /** Receives every body read (for `customs record`). */
  recorder?: Recorder;
}

/** A live collector over one or more regions, IAM read once from us-east-1. */
export async function openLiveCollector(options: LiveOptions): Promise<Collector> {
  const open = (region: string | undefined, iam: boolean) =>
    AwsCollector.open({
      ...(region ? { region } : {}),
      iam,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.recorder ? { recorder: options.recorder } : {}),
    });
  return asInputError<Collector>(() =>
    options.regions.length <= 1
      ? open(options.regions[0], true)
      : MultiRegionCollector.open(options.regions, (region, iam) => open(region, iam)),
  );
}

/**
 * Reads the account live (`customs scan --aws`): every region asked for, read-only.
 * @example const { collector, result } = await collectLive({ regions: ['eu-west-1'], profile: 'audit' });
 */
export async function collectLive(
  options: LiveOptions,
): Promise<{ collector: Collector; result: CollectResult }> {
  const collector = await openLiveCollector(options);
  const result = await asInputError(() => collector.collectAll());
  return { collector, result };
}

/**
 * Errors that are the machine's setup rather than a bug (no credentials, no region, the account
 * unknown, a network failure) are reported as input errors: one line, exit status 2.
 */
async function asInputError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && (errorKind(error) === 'other' || error instanceof AccountUnknownError)) {
      throw new UsageError(`cannot read AWS: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
