import { fileURLToPath } from 'node:url';
import { SnapshotCollector } from '@customs/aws';
import type { FindingsSummary, StatusCounts } from '@customs/store';
import { describe, expect, it } from 'vitest';
import { inventoryOf, planRegionSweep } from '../src/index.js';

const DEMO = fileURLToPath(new URL('../../local/snapshots/demo/', import.meta.url));

const none: StatusCounts = {
  PASS: 0,
  FAIL: 0,
  NOT_APPLICABLE: 0,
  ERROR: 0,
  SUPPRESSED: 0,
  total: 0,
  score: null,
};
const FIRST_SWEEP: FindingsSummary = { recommendation: {}, severity: {}, resourceType: {}, total: none };

describe('the units of a split sweep of the demo snapshot', () => {
  it('read every resource of the whole sweep exactly once', async () => {
    // Prepare
    const collector = await SnapshotCollector.open(DEMO);
    const inventory = await inventoryOf(collector)();
    const plan = planRegionSweep(inventory, FIRST_SWEEP, { budget: { timeoutMs: 300, margin: 0 } });
    // Act
    const parts = await Promise.all(plan.units.map((unit) => collector.collectUnit(unit)));
    // Assess
    expect(inventory).toMatchObject({ region: 'eu-west-1', clusters: 2 });
    expect(inventory.repositories).toHaveLength(5);
    expect(plan.fits).toBe(false);
    const ids = parts.flatMap((part) => part.resources.map((resource) => resource.id));
    const all = (await collector.collectAll()).resources.map((resource) => resource.id);
    expect(ids.sort()).toEqual(all.sort());
  });
});
