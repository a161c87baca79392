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
import { CallCounts, callsLine, type ProgressLine } from '../format/progress.js';

/** Where and how a live read goes. */
export interface LiveOptions {
  /** Regions to read (each once); none: the default chain's region. */
  regions: string[];
  profile?: string;
  /** Receives every body read (for `customs record`). */
  recorder?: Recorder;
  /** Told of every body read, with its region (a progress line counts them). */
  onBody?: (region: string, path: string) => void;
}

/** A live collector over one or more regions, IAM read once from us-east-1. */
export async function openLiveCollector(options: LiveOptions): Promise<Collector> {
  const open = async (region: string | undefined, iam: boolean) => {
    // The default chain's region is known once the collector is open (before it reads anything).
    let where = region ?? 'default region';
    const { recorder, onBody } = options;
    const tee: Recorder | undefined =
      recorder || onBody
        ? (path, body) => {
            recorder?.(path, body);
            onBody?.(where, path);
          }
        : undefined;
    const collector = await AwsCollector.open({
      ...(region ? { region } : {}),
      iam,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(tee ? { recorder: tee } : {}),
    });
    where = collector.scope.region;
    return collector;
  };
  return asInputError<Collector>(() =>
    options.regions.length <= 1
      ? open(options.regions[0], true)
      : MultiRegionCollector.open(options.regions, (region, iam) => open(region, iam)),
  );
}

/**
 * Reads the account live (`customs scan --aws`): every region asked for, read-only; on a terminal,
 * a progress line counts the calls answered per region and service.
 * @example const { collector, result } = await collectLive({ regions: ['eu-west-1'], profile: 'audit' });
 */
export async function collectLive(
  options: LiveOptions & { progress?: ProgressLine },
): Promise<{ collector: Collector; result: CollectResult }> {
  const { progress, ...live } = options;
  const counts = new CallCounts();
  const onBody = (region: string, path: string) => {
    live.onBody?.(region, path);
    counts.add(region, path);
    progress?.update(callsLine(counts));
  };
  progress?.update(callsLine(counts));
  try {
    const collector = await openLiveCollector({ ...live, ...(progress ? { onBody } : {}) });
    const result = await asInputError(() => collector.collectAll());
    return { collector, result };
  } finally {
    progress?.clear();
  }
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
