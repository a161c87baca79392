import type { CollectOptions } from '@customs/aws';
import type { PipelineDependencies } from './dependencies.js';

/**
 * The collect options of the pipeline's reads: ECR images' per-image reads recorded in the
 * findings store, and made by a sweep only for images new to it, whose listing changed (a
 * referrer added or removed) or due (every image once in config `imageRereadDays`, spread by
 * digest), so an image an event read is not read again by the sweep.
 * @example const { resources } = await collector.collectAll(incrementalReads(dependencies));
 */
export function incrementalReads(dependencies: PipelineDependencies): CollectOptions {
  return {
    imageReads: {
      ledger: dependencies.repository,
      now: dependencies.clock(),
      periodDays: dependencies.config.imageRereadDays,
    },
  };
}
