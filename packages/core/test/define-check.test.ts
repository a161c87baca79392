import { describe, expect, it } from 'vitest';
import { type CheckDefinition, defineCheck } from '../src/check/define-check.js';
import { pass } from '../src/check/outcome.js';
import { CatalogError } from '../src/errors.js';

function definition(overrides: Partial<CheckDefinition<'eks-cluster'>> = {}): CheckDefinition<'eks-cluster'> {
  return {
    id: 'eks-cluster-example',
    title: 'An example check',
    resourceType: 'eks-cluster',
    recommendation: 'CSA-4',
    severity: 'low',
    rationale: 'Examples matter because tests need something to validate.',
    remediation: {
      text: 'Do the right thing.',
      cli: 'aws eks update-cluster-config --name prod',
      iac: { format: 'terraform', snippet: 'resource "aws_eks_cluster" "this" {}' },
    },
    mappings: { securityHub: ['EKS.2'], cisEks: ['5.4.2'] },
    reads: ['version'],
    evaluate: (cluster) => pass(`Cluster ${cluster.name} is fine`),
    ...overrides,
  };
}

describe('defineCheck', () => {
  it('accepts a complete definition and freezes it', () => {
    const check = defineCheck(definition());
    expect(check.id).toBe('eks-cluster-example');
    expect(Object.isFrozen(check)).toBe(true);
  });

  it.each([
    ['id', { id: 'EKS_Example' }, /id: ids are kebab-case/],
    ['severity', { severity: 'urgent' as never }, /severity/],
    ['recommendation', { recommendation: 'CSA-6' as never }, /recommendation/],
    ['title', { title: 'x'.repeat(151) }, /title/],
    [
      'Security Hub id',
      { mappings: { securityHub: ['EKS2'] } },
      /mappings.securityHub.0: a Security Hub control id/,
    ],
    ['CIS section', { mappings: { cisEks: ['5.x'] } }, /mappings.cisEks.0/],
    [
      'Kubescape control',
      { mappings: { kubescape: ['C-34'] } },
      /mappings.kubescape.0: a Kubescape control id/,
    ],
    [
      'CLI remediation',
      { remediation: { ...definition().remediation, cli: 'click the console' } },
      /remediation.cli: a CLI remediation starts with aws/,
    ],
  ])('refuses a bad %s, naming the check and the field', (_field, overrides, message) => {
    expect(() => defineCheck(definition(overrides))).toThrow(CatalogError);
    expect(() => defineCheck(definition(overrides))).toThrow(message);
  });

  it('accepts a Kubernetes manifest as the IaC remediation and Kubescape control ids', () => {
    const remediation = {
      ...definition().remediation,
      iac: { format: 'kubernetes' as const, snippet: 'apiVersion: v1\nkind: Namespace' },
    };
    const check = defineCheck(definition({ remediation, mappings: { kubescape: ['C-0034'] } }));
    expect(check.remediation.iac.format).toBe('kubernetes');
    expect(check.mappings.kubescape).toEqual(['C-0034']);
  });

  it('refuses an id that does not start with its resource type', () => {
    expect(() => defineCheck(definition({ id: 'eks-nodegroup-example' }))).toThrow(
      'its id must start with its resource type eks-cluster-',
    );
  });
});
