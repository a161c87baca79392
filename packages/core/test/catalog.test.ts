import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { RECOMMENDATIONS } from '../src/constants.js';

/** The public catalog, docs/CHECKS.md: the source of truth for ids, resource types, severities and anchors. */
const here = dirname(fileURLToPath(import.meta.url));
const checksDoc = readFileSync(join(here, '../../../docs/CHECKS.md'), 'utf8');

interface DocRow {
  id: string;
  resourceType: string;
  severity: string;
  recommendation: string;
  anchors: string;
}

function documentedChecks(markdown: string): DocRow[] {
  const rows: DocRow[] = [];
  let recommendation = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (CSA-\d)/.exec(line);
    if (heading?.[1]) recommendation = heading[1];
    const cells = line.split('|').map((cell) => cell.trim());
    const [, id, resourceType, severity, , anchors] = cells;
    if (!recommendation || !id || !/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(id)) continue;
    rows.push({
      id,
      resourceType: resourceType ?? '',
      severity: severity ?? '',
      recommendation,
      anchors: anchors ?? '',
    });
  }
  return rows;
}

/** Anchor ids CHECKS.md names: `SH EKS.2`, `SH IAM.8/IAM.22`, `Config <rule>`, `CIS EKS 5.4.2`, `Prowler <id>`. */
function namedAnchors(anchors: string) {
  const securityHub = [...anchors.matchAll(/SH ((?:[A-Z]+\.\d+\/?)+)/g)].flatMap((m) =>
    (m[1] ?? '').split('/'),
  );
  const config = [...anchors.matchAll(/Config ([a-z0-9-]+)/g)].map((m) => m[1] ?? '');
  const cisEks = [...anchors.matchAll(/CIS EKS (\d+(?:\.\d+)+)/g)].map((m) => m[1] ?? '');
  const prowler = [...anchors.matchAll(/Prowler ([a-z0-9_*]+_[a-z0-9_*]+)/g)].map((m) => m[1] ?? '');
  return { securityHub, config, cisEks, prowler };
}

const documented = documentedChecks(checksDoc);

describe('the check catalog', () => {
  it('holds exactly the checks CHECKS.md lists', () => {
    expect(documented.length).toBeGreaterThan(40);
    expect(CATALOG.ids().sort()).toEqual(documented.map((row) => row.id).sort());
  });

  describe.each(documented)('$id', (row) => {
    const check = CATALOG.get(row.id);

    it('has the resource type, severity and recommendation CHECKS.md gives', () => {
      expect(check).toBeDefined();
      expect(check?.resourceType).toBe(row.resourceType);
      expect(check?.severity).toBe(row.severity);
      expect(check?.recommendation).toBe(row.recommendation);
    });

    it('maps to every anchor CHECKS.md names', () => {
      const named = namedAnchors(row.anchors);
      const mappings = check?.mappings ?? {};
      for (const id of named.securityHub) expect(mappings.securityHub).toContain(id);
      for (const id of named.config) expect(mappings.config).toContain(id);
      for (const id of named.cisEks) expect(mappings.cisEks).toContain(id);
      for (const id of named.prowler) {
        const pattern = new RegExp(`^${id.replace(/\*/g, '[a-z0-9_]+')}$`);
        expect(
          mappings.prowler?.some((mapped) => pattern.test(mapped)),
          `Prowler ${id}`,
        ).toBe(true);
      }
    });

    it('has a test file of its own', () => {
      const area = row.id.split('-')[0] ?? '';
      expect(existsSync(join(here, 'catalog', area, `${row.id}.test.ts`))).toBe(true);
    });
  });

  it('gives every recommendation at least one check, and every check a unique title', () => {
    for (const recommendation of RECOMMENDATIONS) {
      expect(CATALOG.byRecommendation(recommendation).length).toBeGreaterThan(0);
    }
    const titles = CATALOG.all().map((check) => check.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('reads only what a check declares, so unreadable state yields ERROR', () => {
    for (const check of CATALOG.all()) {
      expect(check.reads.length, `${check.id} declares what it reads`).toBeGreaterThan(0);
    }
  });
});
