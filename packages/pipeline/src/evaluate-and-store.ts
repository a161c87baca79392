import { evaluateAll, type Resource } from '@customs/core';
import type { FindingChange } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';

/**
 * Evaluates resources with the catalog at the dependencies' times (checks judge against
 * `assessAt`, evaluations are recorded at the clock's time) and stores what changed.
 * @example const { changes, at } = await evaluateAndStore(resources, dependencies);
 */
export async function evaluateAndStore(
  resources: Resource[],
  dependencies: PipelineDependencies,
): Promise<{ changes: FindingChange[]; findings: number; at: string }> {
  const { repository, config, catalog } = dependencies;
  const now = dependencies.clock();
  const assessAt = dependencies.assessAt?.() ?? now;
  const findings = evaluateAll(resources, {
    config,
    now: assessAt,
    evaluatedAt: now,
    ...(catalog ? { catalog } : {}),
  });
  const changes = await repository.applyEvaluation(findings);
  return { changes, findings: findings.length, at: now.toISOString() };
}
