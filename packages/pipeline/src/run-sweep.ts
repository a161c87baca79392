import { IAM_REGION } from '@customs/aws';
import { RESOURCE_TYPES } from '@customs/core';
import type { PipelineDependencies } from './dependencies.js';
import { type SweepOutcome, storeSweep } from './store-sweep.js';

/**
 * Assesses everything the collector sees and resolves the findings of resources it no longer
 * finds (in its account and region; IAM is global). Catches what no event announced.
 * @example const { changes } = await runSweep(dependencies);
 */
export async function runSweep(dependencies: PipelineDependencies): Promise<SweepOutcome> {
  const { collector } = dependencies;
  const { resources, warnings } = await collector.collectAll();
  const regional = RESOURCE_TYPES.filter((type) => !type.startsWith('iam-'));
  const global = RESOURCE_TYPES.filter((type) => type.startsWith('iam-'));
  // IAM is global and read once: its findings are only resolved by a sweep that read IAM.
  const sweptIam = resources.some((resource) => resource.type.startsWith('iam-'));
  const scopes = [
    { region: collector.scope.region, resourceTypes: regional },
    ...(sweptIam ? [{ region: IAM_REGION, resourceTypes: global }] : []),
  ];
  return storeSweep(resources, warnings, scopes, dependencies);
}
