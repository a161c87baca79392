import { CATALOG, DEFAULT_CONFIG, evaluateAll, findingId } from '@customs/core';
import { generateAccount } from '../generate-account.js';
import { fastestOfMs, fmt } from '../measure.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/**
 * Evaluation throughput for accounts of 1k, 10k and 100k resources. The baseline, measured in the
 * same run and interleaved with the engine's runs, calls the catalog's check functions directly on
 * the same resources: what is left of the ratio is the engine around them (finding ids, ERROR
 * handling, finding objects). A second figure, the finding ids alone (one SHA-256 per finding, the
 * bytes stored ids depend on), shows the part of the engine no code change can remove. Per-resource
 * time against 1k, the engine's and the baseline's, shows linearity. Each figure is the fastest of
 * its runs in CPU time (see `fastestOfMs`). Targets (issue 19): ≥ 1,000,000 evaluations/s, ratio
 * ≤ 2, per-resource cost at 100k ≤ 1.1× of 1k.
 */
export function benchEvaluate(): string[] {
  const lines = [
    'Evaluation (core.evaluateAll over an in-memory account, one core)',
    '  baseline: the same check functions called directly on the same resources (no finding ids, objects or ERROR handling); CPU time, fastest of 7 interleaved runs each (3 at 100k)',
    '  ids: findingId for every finding alone (one SHA-256 each, fixed by stored ids); targets: ≥ 1,000,000 evaluations/s, ratio ≤ 2, ×1.1 of 1k at 100k',
  ];
  // Warm: the 1k figures are of optimised code too (a cold 1k run is mostly the compiler's work).
  const warm = generateAccount(10_000);
  for (let round = 0; round < 3; round++) evaluateAll(warm, { now: NOW });
  let perResourceAt1k = 0;
  let baselineAt1k = 0;
  for (const size of [1_000, 10_000, 100_000]) {
    const resources = generateAccount(size);
    const evaluations = resources.reduce((sum, r) => sum + CATALOG.byResourceType(r.type).length, 0);
    let findings = 0;
    const times = fastestOfMs(
      {
        engine: () => {
          findings = evaluateAll(resources, { now: NOW }).length;
        },
        baseline: () => {
          const context = { config: DEFAULT_CONFIG, now: NOW };
          for (const resource of resources) {
            for (const check of CATALOG.byResourceType(resource.type)) check.evaluate(resource, context);
          }
        },
        ids: () => {
          for (const resource of resources) {
            for (const check of CATALOG.byResourceType(resource.type)) findingId(check.id, resource.id);
          }
        },
      },
      size >= 100_000 ? 3 : 7,
    );
    if (findings !== evaluations) throw new Error(`expected ${evaluations} findings, got ${findings}`);
    const perResource = (times.engine * 1000) / size;
    const baselinePerResource = (times.baseline * 1000) / size;
    if (size === 1_000) {
      perResourceAt1k = perResource;
      baselineAt1k = baselinePerResource;
    }
    const rate = (ms: number) => fmt((evaluations / ms) * 1000);
    lines.push(
      `  ${fmt(size).padStart(7)} resources  ${fmt(evaluations).padStart(9)} evaluations  ${fmt(times.engine, 1).padStart(8)} ms  ` +
        `${rate(times.engine).padStart(11)} evaluations/s  ` +
        `baseline ${fmt(times.baseline, 1)} ms (${rate(times.baseline)}/s), ratio ${fmt(times.engine / times.baseline, 2)}  ` +
        `ids ${fmt(times.ids, 1)} ms  ` +
        `µs/resource ${fmt(perResource, 2)} (×${fmt(perResource / perResourceAt1k, 2)} of 1k; baseline ×${fmt(baselinePerResource / baselineAt1k, 2)})`,
    );
  }
  return lines;
}
