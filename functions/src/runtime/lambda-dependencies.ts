import { ALL_READERS, type CollectorReaders, LiveCollector } from '@customs/aws';
import type { PipelineDependencies } from '@customs/pipeline';
import { createStoreClient, FindingsRepository } from '@customs/store';
import { customsConfigFromEnv, requireEnv } from './environment.js';

/**
 * The pipeline's dependencies in AWS: the findings table named by `CUSTOMS_TABLE_NAME`, the live
 * SDK collector for the function's own region (IAM read from us-east-1) with every service's
 * reader (the sweep's), the configuration from `CUSTOMS_CONFIG` (JSON; the defaults when unset)
 * and the wall clock.
 * @example export const handler = createSweepWorker(lambdaDependencies);
 */
export function lambdaDependencies(env: NodeJS.ProcessEnv = process.env): Promise<PipelineDependencies> {
  return dependenciesReading(ALL_READERS, env);
}

/**
 * {@link lambdaDependencies} whose collector holds only `readers` (and so only their SDK clients):
 * an event handler's, named in its entry point, so that esbuild bundles no other service's code.
 * @example export const handler = createEventHandler('on-ecr-event', reading({ services: { ecr: ECR_READER } }));
 */
export function reading(readers: CollectorReaders) {
  return function lambdaDependenciesReading(env: NodeJS.ProcessEnv = process.env) {
    return dependenciesReading(readers, env);
  };
}

async function dependenciesReading(
  readers: CollectorReaders,
  env: NodeJS.ProcessEnv,
): Promise<PipelineDependencies> {
  const repository = new FindingsRepository({
    client: createStoreClient(),
    tableName: requireEnv('CUSTOMS_TABLE_NAME', env),
  });
  const config = customsConfigFromEnv(env);
  const collector = await LiveCollector.open({ readers, region: requireEnv('AWS_REGION', env) });
  return { collector, repository, config, clock: () => new Date() };
}
