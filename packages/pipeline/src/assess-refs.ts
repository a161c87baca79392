import { IAM_REGION } from '@customs/aws';
import { evaluateAll, type ResourceRef, resourceNameOfRef } from '@customs/core';
import type { FindingChange } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';

/** What re-assessing some refs did. */
export interface Assessment {
  changes: FindingChange[];
  /** Collector warnings (e.g. a ref of another account). */
  warnings: string[];
}

/**
 * Re-reads the named resources, evaluates them and stores what changed; the findings of refs the
 * collector reports missing (deleted resources) are resolved. An event is a trigger, never the
 * truth, so duplicate, late and out-of-order events converge on the same stored state.
 * @example const { changes } = await assessRefs(eventToResourceRefs(event), dependencies);
 */
export async function assessRefs(
  refs: ResourceRef[],
  dependencies: PipelineDependencies,
): Promise<Assessment> {
  if (refs.length === 0) return { changes: [], warnings: [] };
  const { collector, repository, config, catalog } = dependencies;
  const { resources, missing, warnings } = await collector.collect(refs);
  const now = dependencies.clock();
  const assessAt = dependencies.assessAt?.() ?? now;
  const findings = evaluateAll(resources, {
    config,
    now: assessAt,
    evaluatedAt: now,
    ...(catalog ? { catalog } : {}),
  });
  const changes = await repository.applyEvaluation(findings);
  const at = now.toISOString();
  for (const ref of missing) {
    const removed = await repository.resolveNamed({
      accountId: ref.accountId ?? collector.scope.accountId,
      region: ref.type.startsWith('iam-') ? IAM_REGION : (ref.region ?? collector.scope.region),
      resourceType: ref.type,
      resourceName: resourceNameOfRef(ref),
      reason: `${ref.type} ${resourceNameOfRef(ref)} no longer exists`,
      at,
    });
    changes.push(...removed);
  }
  return { changes, warnings };
}
