import { AwsCollector } from '@customs/aws';
import type { PipelineDependencies } from '@customs/pipeline';
import { createStoreClient, FindingsRepository } from '@customs/store';
import { customsConfigFromEnv, requireEnv } from './environment.js';

/**
 * The pipeline's dependencies in AWS: the findings table named by `CUSTOMS_TABLE_NAME`, the live
 * SDK collector for the function's own region (IAM read from us-east-1), the configuration from
 * `CUSTOMS_CONFIG` (JSON; the defaults when unset) and the wall clock.
 * @example export const handler = createEventHandler('on-ecr-event', lambdaDependencies);
 */
export async function lambdaDependencies(
  env: NodeJS.ProcessEnv = process.env,
): Promise<PipelineDependencies> {
  const repository = new FindingsRepository({
    client: createStoreClient(),
    tableName: requireEnv('CUSTOMS_TABLE_NAME', env),
  });
  const config = customsConfigFromEnv(env);
  const collector = await AwsCollector.open({ region: requireEnv('AWS_REGION', env) });
  return { collector, repository, config, clock: () => new Date() };
}
