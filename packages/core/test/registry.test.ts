import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { CheckRegistry } from '../src/check/registry.js';
import { CatalogError } from '../src/errors.js';

describe('CheckRegistry', () => {
  it('refuses a duplicate id', () => {
    // Prepare
    const [first] = CATALOG.all();
    if (!first) throw new Error('the catalog is empty');
    const registry = new CheckRegistry([first]);
    // Act & Assess
    expect(() => registry.register(first)).toThrow(CatalogError);
    expect(() => registry.register(first)).toThrow(`duplicate check id ${first.id}`);
  });

  it('lists checks by resource type, recommendation and severity', () => {
    for (const check of CATALOG.all()) {
      expect(CATALOG.byResourceType(check.resourceType)).toContain(check);
      expect(CATALOG.byRecommendation(check.recommendation)).toContain(check);
      expect(CATALOG.bySeverity(check.severity)).toContain(check);
      expect(CATALOG.get(check.id)).toBe(check);
    }
    expect(CATALOG.byResourceType('eks-cluster').every((check) => check.resourceType === 'eks-cluster')).toBe(
      true,
    );
  });

  it('filters into a new registry', () => {
    const high = CATALOG.filter((check) => check.severity === 'high');
    expect(high.size).toBe(CATALOG.bySeverity('high').length);
    expect(high.all().every((check) => check.severity === 'high')).toBe(true);
  });
});
