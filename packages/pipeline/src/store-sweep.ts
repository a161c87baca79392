import type { IncompleteScope } from '@customs/aws';
import type { Resource } from '@customs/core';
import { type FindingChange, sweepRunId } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';
import { evaluateAndStore } from './evaluate-and-store.js';
import { type UnitScope, withoutIncomplete } from './unit-scopes.js';

/** What a sweep did. */
export interface SweepOutcome {
  resources: number;
  findings: number;
  changes: FindingChange[];
  warnings: string[];
}

/**
 * Evaluates and stores what a sweep read, then resolves, in each scope it covered, the findings
 * of resources it no longer found — but for what the read could not enumerate (`incomplete`);
 * then records the day's posture, overall and for each account it read (one Query and one
 * conditional PutItem each: a day with a sweep has a record even when nothing changed). Its
 * finding writes are marked with a new sweep run, whose end marker it writes last (one PutItem):
 * the fan-out holds the run's Slack messages until then and sends one digest per webhook
 * (docs/DESIGN.md, "Fan-out of a sweep").
 * @example return storeSweep(resources, warnings, [{ region, resourceTypes: ['eks-cluster'] }], dependencies);
 */
export async function storeSweep(
  resources: Resource[],
  warnings: string[],
  scopes: UnitScope[],
  dependencies: PipelineDependencies,
  incomplete: readonly IncompleteScope[] = [],
): Promise<SweepOutcome> {
  const { collector } = dependencies;
  const runId = sweepRunId(dependencies.clock());
  const repository = dependencies.repository.forSweepRun(runId);
  const { changes, findings, at } = await evaluateAndStore(resources, { ...dependencies, repository });
  const present = resources.map((resource) => resource.id);
  for (const scope of withoutIncomplete(scopes, incomplete)) {
    const resolved = await repository.resolveMissing({
      ...scope,
      accountId: scope.accountId ?? collector.scope.accountId,
      presentResourceIds: present,
      reason: 'Not found by the sweep: the resource no longer exists',
      at,
    });
    changes.push(...resolved);
  }
  const accounts = [collector.scope.accountId, ...resources.map((resource) => resource.accountId)];
  await repository.recordDailyPosture({ accounts });
  await repository.endSweepRun(runId);
  return { resources: resources.length, findings, changes, warnings };
}
