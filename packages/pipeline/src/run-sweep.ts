import { IAM_REGION } from '@customs/aws';
import { evaluateAll, RESOURCE_TYPES } from '@customs/core';
import type { FindingChange } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';

/** What a sweep did. */
export interface SweepOutcome {
  resources: number;
  findings: number;
  changes: FindingChange[];
  warnings: string[];
}

/**
 * Assesses everything the collector sees and resolves the findings of resources it no longer
 * finds (in its account and region; IAM is global). Catches what no event announced.
 * @example const { changes } = await runSweep(dependencies);
 */
export async function runSweep(dependencies: PipelineDependencies): Promise<SweepOutcome> {
  const { collector, repository, config, catalog } = dependencies;
  const { resources, warnings } = await collector.collectAll();
  const now = dependencies.clock();
  const assessAt = dependencies.assessAt?.() ?? now;
  const findings = evaluateAll(resources, {
    config,
    now: assessAt,
    evaluatedAt: now,
    ...(catalog ? { catalog } : {}),
  });
  const changes = await repository.applyEvaluation(findings);
  const present = resources.map((resource) => resource.id);
  const at = now.toISOString();
  const regional = RESOURCE_TYPES.filter((type) => !type.startsWith('iam-'));
  const global = RESOURCE_TYPES.filter((type) => type.startsWith('iam-'));
  // IAM is global and read once: its findings are only resolved by a sweep that read IAM.
  const sweptIam = resources.some((resource) => resource.type.startsWith('iam-'));
  const scopes = [
    { region: collector.scope.region, resourceTypes: regional },
    ...(sweptIam ? [{ region: IAM_REGION, resourceTypes: global }] : []),
  ];
  for (const scope of scopes) {
    const resolved = await repository.resolveMissing({
      accountId: collector.scope.accountId,
      ...scope,
      presentResourceIds: present,
      reason: 'Not found by the sweep: the resource no longer exists',
      at,
    });
    changes.push(...resolved);
  }
  return { resources: resources.length, findings: findings.length, changes, warnings };
}
