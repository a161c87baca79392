import { describe, expect, it } from 'vitest';
import { CATALOG, nearest, SEVERITIES, withGuidance } from '../src/index.js';

describe('nearest', () => {
  it('names the check id a typo was meant to be', () => {
    expect(nearest('ecr-image-sign', CATALOG.ids())).toEqual(['ecr-image-signed']);
    expect(nearest('eks-cluster-audit-loging', CATALOG.ids())[0]).toBe('eks-cluster-audit-logging');
    expect(nearest('HIHG', SEVERITIES)).toEqual(['high']);
  });

  it('names nothing for a value far from every candidate', () => {
    expect(nearest('urgent', SEVERITIES)).toEqual([]);
    expect(nearest('s3-bucket-public', CATALOG.ids())).toEqual([]);
  });

  it('gives up on a huge value at once instead of comparing it (bounded work, linear memory)', () => {
    expect(nearest(`ecr-image-signed${'x'.repeat(1_000_000)}`, CATALOG.ids())).toEqual([]);
  });
});

describe('withGuidance', () => {
  it("adds the check's title, rationale and remediation; leaves a finding of an unknown check as it is", () => {
    const check = CATALOG.all()[0];
    const guided = withGuidance({ checkId: check?.id ?? '', title: 'old' });
    expect(guided).toMatchObject({
      title: check?.title,
      rationale: check?.rationale,
      remediation: check?.remediation,
    });
    expect(withGuidance({ checkId: 'ecr-gone' })).toEqual({ checkId: 'ecr-gone' });
  });
});
