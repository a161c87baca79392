import { fileURLToPath } from 'node:url';
import { SnapshotCollector } from '@customs/aws';
import { evaluateAll, type Finding, type Resource } from '@customs/core';
import { beforeAll, describe, expect, it } from 'vitest';

const STAGING = fileURLToPath(new URL('../packages/local/snapshots/demo-staging/', import.meta.url));

/** A short, stable label for a resource: images by repository and first tag, not digest. */
function labelOf(resource: Resource): string {
  if (resource.type === 'ecr-image') return `${resource.repositoryName}:${resource.tags[0] ?? 'untagged'}`;
  return resource.name;
}

/** The FAIL findings the staging account's README promises, as `<check id> <resource label>`. */
const EXPECTED_FAILURES = [
  'ecr-registry-scan-on-push 555566667777',
  'ecr-registry-enhanced-scanning 555566667777',
  'ecr-image-no-critical-vulnerabilities team/payments-api:v2.13.1',
  'ecr-image-no-high-vulnerabilities team/payments-api:v2.13.1',
  'ecr-image-recently-rebuilt team/payments-api:v2.13.1',
  'ecr-repository-scan-on-push sdk-samples',
  'ecr-repository-tag-immutability sdk-samples',
  'ecr-repository-cmk-encryption sdk-samples',
  'ecr-repository-lifecycle-policy sdk-samples',
  'ecr-image-scan-complete sdk-samples:latest',
  'ecr-image-signed sdk-samples:latest',
  'ecr-image-recently-rebuilt sdk-samples:latest',
  'ecs-cluster-container-insights staging',
  'ecs-service-no-public-ip staging/payments-api',
  'ecs-service-exec-disabled staging/payments-api',
  'iam-role-trust-restricted partner-deployer',
  'iam-policy-no-container-wildcard partner-deployer/partner-deploy',
  'iam-account-root-mfa 555566667777',
].sort();

describe("the demo's staging account (packages/local/snapshots/demo-staging)", () => {
  let resources: Resource[] = [];
  let warnings: string[] = [];
  let findings: Finding[] = [];
  let labels = new Map<string, string>();

  beforeAll(async () => {
    // Prepare
    const collector = await SnapshotCollector.open(STAGING);
    // Act
    const result = await collector.collectAll();
    resources = result.resources;
    warnings = result.warnings;
    findings = evaluateAll(resources, { now: collector.capturedAt });
    labels = new Map(resources.map((resource) => [resource.id, labelOf(resource)]));
  });

  it('is its own account, read without warnings, evaluated without an ERROR', () => {
    // Assess
    expect(warnings).toEqual([]);
    expect(new Set(resources.map((resource) => resource.accountId))).toEqual(new Set(['555566667777']));
    expect(findings.filter((finding) => finding.status === 'ERROR')).toEqual([]);
  });

  it('holds a few resources of each kind it has: ECR, ECS and IAM, no EKS', () => {
    // Assess
    const types = new Set(resources.map((resource) => resource.type));
    for (const type of ['ecr-registry', 'ecr-repository', 'ecr-image', 'ecs-cluster', 'ecs-service']) {
      expect(types).toContain(type);
    }
    expect(types).toContain('ecs-task-definition');
    expect(types).toContain('iam-role');
    expect(types).toContain('iam-account');
    expect([...types].filter((type) => type.startsWith('eks-') || type.startsWith('k8s-'))).toEqual([]);
    expect(resources).toHaveLength(16);
  });

  it('fails exactly what its README says it fails, and passes the rest that applies', () => {
    // Act
    const failed = findings
      .filter((finding) => finding.status === 'FAIL')
      .map((finding) => `${finding.checkId} ${labels.get(finding.resourceId) ?? finding.resourceId}`)
      .sort();
    // Assess
    expect(failed).toEqual(EXPECTED_FAILURES);
    expect(findings.filter((finding) => finding.status === 'PASS')).toHaveLength(44);
  });
});
