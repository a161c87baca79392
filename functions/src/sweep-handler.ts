import { Logger } from '@aws-lambda-powertools/logger';
import { type PipelineDependencies, runSweep } from '@customs/pipeline';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';

/** What a sweep invocation returns and logs. */
export interface SweepResult {
  resources: number;
  findings: number;
  transitions: Record<string, number>;
  warnings: string[];
}

/**
 * Builds the sweep handler: assess every resource, resolve the findings of resources gone.
 * @example export const handler = createSweepHandler(lambdaDependencies);
 */
export function createSweepHandler(
  dependencies: () => Promise<PipelineDependencies>,
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: 'sweep' } }),
) {
  async function onSchedule(): Promise<SweepResult> {
    const outcome = await runSweep(await dependencies());
    const transitions: Record<string, number> = {};
    for (const change of outcome.changes)
      transitions[change.transition] = (transitions[change.transition] ?? 0) + 1;
    const result = {
      resources: outcome.resources,
      findings: outcome.findings,
      transitions,
      warnings: outcome.warnings,
    };
    logger.info('swept', { ...result });
    return result;
  }
  return withCustomsMiddleware(onSchedule, { logger });
}
