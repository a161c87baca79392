import { Logger } from '@aws-lambda-powertools/logger';
import type { SweepUnit } from '@customs/aws';
import {
  type AccountSweepMessage,
  accountSweepMessages,
  type PipelineDependencies,
  planOrRunSweep,
  routerOf,
} from '@customs/pipeline';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';

/** What a sweep invocation returns and logs. */
export interface SweepResult {
  resources: number;
  findings: number;
  transitions: Record<string, number>;
  warnings: string[];
  /** Whether the sweep was split into units for the sweep workers. */
  split: boolean;
  /** Units queued (0 when the sweep ran whole). */
  enqueued: number;
}

/** Hands the units of a split sweep to the workers. */
export type Enqueue = (units: readonly (SweepUnit | AccountSweepMessage)[]) => Promise<void>;

/**
 * Builds the sweep handler, the coordinator: plans from the region's size; when one invocation
 * fits, assesses every resource and resolves the findings of resources gone; else resolves the
 * findings of repositories gone and queues the units (see `planOrRunSweep`). Over an organisation
 * (an AccountRouter), it queues one message per member account × region, which workers plan.
 * @example export const handler = createSweepHandler(lambdaDependencies, () => sqsEnqueuer(sqs, url));
 */
export function createSweepHandler(
  dependencies: () => Promise<PipelineDependencies>,
  enqueuer: () => Enqueue,
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: 'sweep' } }),
) {
  async function onSchedule(): Promise<SweepResult> {
    const ready = await dependencies();
    const router = routerOf(ready);
    if (router) {
      // an organisation: one message per account × region, each planned by a worker
      const messages = await accountSweepMessages(router);
      await enqueuer()(messages);
      const result = {
        resources: 0,
        findings: 0,
        transitions: {},
        warnings: [],
        split: true,
        enqueued: messages.length,
      };
      logger.info('split by account', result);
      return result;
    }
    const outcome = await planOrRunSweep(ready, {
      enqueue: (units) => enqueuer()(units),
    });
    const transitions: Record<string, number> = {};
    for (const change of outcome.changes)
      transitions[change.transition] = (transitions[change.transition] ?? 0) + 1;
    const result = {
      resources: outcome.resources,
      findings: outcome.findings,
      transitions,
      warnings: outcome.warnings,
      split: outcome.split,
      enqueued: outcome.enqueued,
    };
    logger.info(outcome.split ? 'split' : 'swept', { ...result, estimatedMs: outcome.plan.estimatedMs });
    return result;
  }
  return withCustomsMiddleware(onSchedule, { logger });
}
