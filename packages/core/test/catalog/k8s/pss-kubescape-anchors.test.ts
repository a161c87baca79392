import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/catalog/index.js';

/** The Kubernetes rows of docs/CHECKS.md: id and anchors cells. */
const here = dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(join(here, '../../../../../docs/CHECKS.md'), 'utf8')
  .split('\n')
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .filter((cells) => cells[1]?.startsWith('k8s-') === true)
  .map((cells) => ({ id: cells[1] ?? '', anchors: cells[5] ?? '' }));

describe('the Kubernetes rows of CHECKS.md', () => {
  it('list the baseline checks', () => {
    expect(rows.length).toBeGreaterThanOrEqual(13);
  });

  it.each(rows)(
    '$id maps to the PSS controls and Kubescape controls its row names, and names those it maps to',
    ({ id, anchors }) => {
      // Prepare
      const mappings = CATALOG.get(id)?.mappings ?? {};
      // Act
      const pss = [...anchors.matchAll(/PSS ([A-Za-z_]+)/g)].map((match) => match[1]);
      const kubescape = [...anchors.matchAll(/Kubescape (C-\d{4})/g)].map((match) => match[1]);
      // Assess
      expect([...pss].sort()).toEqual([...(mappings.pss ?? [])].sort());
      expect([...kubescape].sort()).toEqual([...(mappings.kubescape ?? [])].sort());
    },
  );
});
