import { evaluateAll, type Resource } from '@customs/core';
import type { FindingChange, MovedDigest } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';
import { deploymentsOf, withImageUse } from './image-use.js';

/**
 * Evaluates resources with the catalog at the dependencies' times (checks judge against
 * `assessAt`, evaluations are recorded at the clock's time) and stores what changed: ECR image
 * findings with `inUse` (from the digest → deployments index), deployments with the digests they
 * run (into the index; the digests whose entries moved are pushed to `moved`).
 * @example const { changes, at } = await evaluateAndStore(resources, dependencies);
 */
export async function evaluateAndStore(
  resources: Resource[],
  dependencies: PipelineDependencies,
  moved: MovedDigest[] = [],
): Promise<{ changes: FindingChange[]; findings: number; at: string }> {
  const { repository, config, catalog } = dependencies;
  const now = dependencies.clock();
  const assessAt = dependencies.assessAt?.() ?? now;
  const evaluated = evaluateAll(resources, {
    config,
    now: assessAt,
    evaluatedAt: now,
    ...(catalog ? { catalog } : {}),
  });
  const deployments = deploymentsOf(resources);
  const findings = await withImageUse(evaluated, resources, deployments, repository);
  const changes = await repository.applyEvaluation(findings, { deployments, moved });
  return { changes, findings: findings.length, at: now.toISOString() };
}
