import { CATALOG, DEFAULT_CONFIG, evaluateAll } from '@customs/core';
import { generateAccount } from '../generate-account.js';
import { fmt, medianMs } from '../measure.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/**
 * Evaluation throughput for accounts of 1k, 10k and 100k resources. The baseline, measured in the
 * same run, calls the check functions directly; the ratio is the cost of the engine around them
 * (finding ids, ERROR handling, finding objects). Per-resource time against 1k shows linearity.
 */
export function benchEvaluate(): string[] {
  const lines = ['Evaluation (core.evaluateAll over an in-memory account)'];
  let perResourceAt1k = 0;
  for (const size of [1_000, 10_000, 100_000]) {
    const resources = generateAccount(size);
    const evaluations = resources.reduce((sum, r) => sum + CATALOG.byResourceType(r.type).length, 0);
    const engineMs = medianMs(() => void evaluateAll(resources, { now: NOW }), size >= 100_000 ? 3 : 5);
    const baselineMs = medianMs(
      () => {
        const context = { config: DEFAULT_CONFIG, now: NOW };
        for (const resource of resources) {
          for (const check of CATALOG.byResourceType(resource.type)) check.evaluate(resource, context);
        }
      },
      size >= 100_000 ? 3 : 5,
    );
    const perResource = (engineMs * 1000) / size;
    if (size === 1_000) perResourceAt1k = perResource;
    lines.push(
      `  ${fmt(size).padStart(7)} resources  ${fmt(evaluations).padStart(9)} evaluations  ${fmt(engineMs, 1).padStart(8)} ms  ` +
        `${fmt((evaluations / engineMs) * 1000).padStart(11)} evaluations/s  ` +
        `baseline (check functions alone) ${fmt(baselineMs, 1)} ms, ratio ${fmt(engineMs / baselineMs, 2)}  ` +
        `µs/resource ${fmt(perResource, 2)} (×${fmt(perResource / perResourceAt1k, 2)} of 1k)`,
    );
  }
  return lines;
}
