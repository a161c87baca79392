import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { CATALOG } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { ASFF_LIMITS, asffFinding, asffProblems, defaultProductArn, PRODUCT_VERSION } from '../src/index.js';
import { openFinding, resolvedFinding } from './helpers/exported-findings.js';

const options = { productVersion: PRODUCT_VERSION };

describe('asffFinding', () => {
  it("maps a failing finding of every check to a document the ASFF reference's rules accept", () => {
    for (const check of CATALOG.all()) {
      // Prepare
      const finding = openFinding(check.id);
      // Act
      const document: AwsSecurityFinding = asffFinding(finding, options);
      // Assess
      expect(asffProblems(document), check.id).toEqual([]);
      expect(document.Id).toBe(finding.id);
      expect(document.GeneratorId).toBe(check.id);
      expect(document.Compliance?.Status).toBe('FAILED');
      expect(document.Compliance?.RelatedRequirements?.[0]).toBe(check.recommendation);
      expect(document.Workflow?.Status).toBe('NEW');
      expect(document.RecordState).toBe('ACTIVE');
      expect(document.Remediation?.Recommendation?.Text?.length).toBeGreaterThan(0);
      expect(document.Severity?.Label).toBe(check.severity.toUpperCase());
    }
  });

  it('names the Kubescape and Pod Security Standards controls a Kubernetes check maps to', () => {
    // Prepare
    const check = CATALOG.all().find(
      (candidate) =>
        (candidate.mappings.kubescape?.length ?? 0) > 0 && (candidate.mappings.pss?.length ?? 0) > 0,
    );
    if (!check) throw new Error('the catalog has a check mapped to both Kubescape and the PSS');
    // Act
    const document = asffFinding(openFinding(check.id), options);
    // Assess
    const requirements = document.Compliance?.RelatedRequirements ?? [];
    for (const control of check.mappings.kubescape ?? [])
      expect(requirements).toContain(`Kubescape ${control}`);
    for (const control of check.mappings.pss ?? [])
      expect(requirements).toContain(`Pod Security Standards ${control}`);
  });

  it("imports under the account's default product ARN, in the finding's partition", () => {
    // Prepare
    const finding = openFinding('eks-cluster-audit-logging', {
      resourceId: 'arn:aws-cn:eks:cn-north-1:111122223333:cluster/prod',
      region: 'cn-north-1',
    });
    // Act
    const document = asffFinding(finding, options);
    // Assess
    expect(document.ProductArn).toBe(
      'arn:aws-cn:securityhub:cn-north-1:111122223333:product/111122223333/default',
    );
    expect(document.Resources?.[0]).toMatchObject({
      Type: 'AwsEksCluster',
      Partition: 'aws-cn',
      Region: 'cn-north-1',
    });
    expect(defaultProductArn('aws', 'eu-west-1', '111122223333')).toBe(
      'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
    );
  });

  it('keeps the Id, CreatedAt and FirstObservedAt of a finding through its resolution; UpdatedAt moves', () => {
    // Prepare
    const opened = openFinding('ecr-repository-tag-immutability');
    const resolved = resolvedFinding(opened);
    // Act
    const [before, after] = [asffFinding(opened, options), asffFinding(resolved, options)];
    // Assess
    expect(after.Id).toBe(before.Id);
    expect(after.CreatedAt).toBe(before.CreatedAt);
    expect(after.FirstObservedAt).toBe('2026-11-30T09:15:00.000Z');
    expect(after.UpdatedAt).toBe('2026-11-30T10:00:00.000Z');
    expect(after.Compliance?.Status).toBe('PASSED');
    expect(after.Workflow?.Status).toBe('RESOLVED');
    expect(after.RecordState).toBe('ACTIVE');
  });

  it('archives a finding whose resource is gone, and keeps suppressed ones suppressed', () => {
    // Prepare
    const opened = openFinding('ecr-repository-tag-immutability');
    const gone = { ...resolvedFinding(opened), status: 'FAIL' as const, resolvedReason: 'resource deleted' };
    const suppressed = { ...opened, state: 'SUPPRESSED' as const, version: 2 };
    // Act
    const [archived, muted] = [asffFinding(gone, options), asffFinding(suppressed, options)];
    // Assess
    expect(archived.RecordState).toBe('ARCHIVED');
    expect(archived.Workflow?.Status).toBe('RESOLVED');
    expect(archived.ProductFields?.['customs/resolvedReason']).toBe('resource deleted');
    expect(muted.Workflow?.Status).toBe('SUPPRESSED');
    expect(muted.Compliance?.Status).toBe('FAILED');
  });

  it('names a resource ASFF has no type for in Other, and reads an ERROR through the state before it', () => {
    // Prepare
    const nodegroup = openFinding('eks-nodegroup-imdsv2-required', { resourceName: 'prod/workers' });
    const erroring = {
      ...nodegroup,
      status: 'ERROR' as const,
      state: 'ERROR' as const,
      stateBeforeError: 'OPEN' as const,
    };
    // Act
    const document = asffFinding(erroring, options);
    // Assess
    expect(document.Resources?.[0]?.Type).toBe('Other');
    expect(document.Resources?.[0]?.Details?.Other).toEqual({
      'customs/resourceType': 'eks-nodegroup',
      'customs/resourceName': 'prod/workers',
    });
    expect(document.Compliance?.Status).toBe('NOT_AVAILABLE');
    expect(document.Workflow?.Status).toBe('NEW');
  });

  it('bounds a huge message and resource id to the limits, cutting on a code point', () => {
    // Prepare
    const finding = openFinding('ecr-repository-tag-immutability', {
      message: `${'x'.repeat(1022)}😀😀 and more`,
      resourceId: `arn:aws:ecr:eu-west-1:111122223333:repository/${'r'.repeat(600)}`,
    });
    // Act
    const document = asffFinding(finding, options);
    // Assess
    expect(document.Description).toHaveLength(ASFF_LIMITS.description - 1);
    expect(document.Description?.endsWith('x…')).toBe(true);
    expect(document.Resources?.[0]?.Id?.length).toBeLessThanOrEqual(ASFF_LIMITS.resourceId);
    expect(asffProblems(document)).toEqual([]);
  });
});

describe('asffProblems', () => {
  const valid = () => asffFinding(openFinding('ecr-repository-tag-immutability'), options);

  it('names each rule a document breaks', () => {
    // Prepare
    const document: AwsSecurityFinding = {
      ...valid(),
      SchemaVersion: '2018-10-09',
      Title: '   ',
      AwsAccountId: '1234',
      CreatedAt: '30/11/2026',
      Types: ['Software and Configuration Checks', 'Made Up/Category/Thing'],
      Severity: { Label: 'SEVERE' as 'HIGH' },
      Resources: [],
      Workflow: { Status: 'DONE' as 'NEW' },
    };
    // Act
    const problems = asffProblems(document);
    // Assess
    expect(problems).toEqual([
      'SchemaVersion must be 2018-10-08',
      'Title is required and may not be blank',
      'AwsAccountId must be 12 digits',
      'CreatedAt is not a Security Hub timestamp: 30/11/2026',
      'Types entry Software and Configuration Checks is not namespace/category[/classifier]',
      'Types entry Made Up/Category/Thing has an unknown namespace',
      'Severity.Label must be one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL',
      'Resources has 0 entries (1 to 32)',
      'Workflow.Status is not a workflow status',
    ]);
  });

  it('accepts each documented timestamp form and refuses ten fractional digits', () => {
    for (const stamp of [
      '2019-01-31T23:00:00Z',
      '2019-01-31T23:00:00.123456789Z',
      '2024-01-04T15:25:10+17:59',
      '2024-01-04T15:25:10-1759',
    ]) {
      expect(asffProblems({ ...valid(), UpdatedAt: stamp }), stamp).toEqual([]);
    }
    expect(asffProblems({ ...valid(), UpdatedAt: '2019-01-31T23:00:00.1234567890Z' })).toHaveLength(1);
  });

  it('refuses a document over 240 KB', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`k${index}`, 'v'.repeat(2048)]),
    );
    const big = {
      ...valid(),
      ProductFields: fields,
      Note: { Text: 'n'.repeat(200_000), UpdatedBy: 'x', UpdatedAt: '2026-11-30T09:15:00Z' },
    };
    expect(asffProblems(big).at(-1)).toMatch(/^the finding is \d+ bytes \(at most 245760\)$/);
  });
});
