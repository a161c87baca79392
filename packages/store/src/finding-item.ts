import { findingKey, indexKeys } from './keys.js';
import type { StoredFinding } from './model.js';

/**
 * The table item of a stored finding, keys and index keys included, as the repository writes it.
 * For seeding tables in bulk (benchmarks, tests) with BatchWriteItem; it maintains no summary
 * counters and no history, so normal writes go through `applyEvaluation`.
 * @example await doc.send(new BatchWriteCommand({ RequestItems: { [table]: findings.map((f) => ({ PutRequest: { Item: findingItem(f) } })) } }));
 */
export function findingItem(finding: StoredFinding): Record<string, unknown> {
  return { ...finding, ...findingKey(finding.id), type: 'finding', ...indexKeys(finding) };
}
