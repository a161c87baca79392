import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { defineCheck } from '../src/check/define-check.js';
import { fail } from '../src/check/outcome.js';
import { CheckRegistry } from '../src/check/registry.js';
import { evaluate, evaluateAll } from '../src/evaluate.js';
import { findingId } from '../src/finding-id.js';
import { eksCluster, iamUser, NOW } from './helpers/resources.js';

const throwing = defineCheck({
  id: 'eks-cluster-throws',
  title: 'A check that throws',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale: 'Used to prove a broken check cannot crash an evaluation.',
  remediation: {
    text: 'Nothing to fix.',
    cli: 'aws eks describe-cluster --name prod',
    iac: { format: 'terraform', snippet: 'resource "aws_eks_cluster" "this" {}' },
  },
  mappings: {},
  reads: [],
  evaluate() {
    throw new Error('boom');
  },
});

const versionCheck = defineCheck({
  ...throwing,
  id: 'eks-cluster-reads-version',
  reads: ['version'],
  evaluate: () => fail('old'),
});

describe('evaluate', () => {
  it('runs every catalog check of the resource type, one finding each, with stable ids', () => {
    // Prepare
    const cluster = eksCluster();
    // Act
    const findings = evaluate(cluster, { now: NOW });
    // Assess
    expect(findings.map((f) => f.checkId)).toEqual(CATALOG.byResourceType('eks-cluster').map((c) => c.id));
    for (const finding of findings) {
      expect(finding.id).toBe(findingId(finding.checkId, cluster.id));
      expect(finding.resourceId).toBe(cluster.id);
      expect(finding.evaluatedAt).toBe(NOW.toISOString());
    }
  });

  it('records ERROR, not a crash, when a check throws', () => {
    const [finding] = evaluate(eksCluster(), { catalog: new CheckRegistry([throwing]), now: NOW });
    expect(finding?.status).toBe('ERROR');
    expect(finding?.message).toBe('Check eks-cluster-throws failed on prod: boom');
  });

  it('records ERROR with the reason when a property the check reads could not be read', () => {
    const cluster = eksCluster({ unreadable: { version: 'AccessDeniedException: eks:DescribeCluster' } });
    const [finding] = evaluate(cluster, { catalog: new CheckRegistry([versionCheck]), now: NOW });
    expect(finding).toMatchObject({
      status: 'ERROR',
      message: 'Could not read prod: version (AccessDeniedException: eks:DescribeCluster)',
    });
  });

  it('finding ids differ by check and by resource, and do not depend on time', () => {
    expect(findingId('a', 'r1')).not.toBe(findingId('a', 'r2'));
    expect(findingId('a', 'r1')).not.toBe(findingId('b', 'r1'));
    expect(findingId('a', 'r1')).toBe(findingId('a', 'r1'));
    expect(findingId('a', 'r1')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('finding ids are the ids every store already holds (SHA-256 of check id, line feed, resource id; UTF-8)', () => {
    // Prepare: ids as `printf '<check>\\n<resource>' | sha256sum | cut -c1-32` gives them
    const pinned: [string, string, string][] = [
      [
        'eks-cluster-audit-logging',
        'arn:aws:eks:eu-west-1:111122223333:cluster/prod',
        'f991ae3c784959879edc1d16bc6d222e',
      ],
      [
        'ecr-image-signed',
        `arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api@sha256:${'ab'.repeat(32)}`,
        '2370c530fa749f7b4dff23a292ab4cea',
      ],
      ['iam-user-mfa-enabled', 'arn:aws:iam::111122223333:user/zoë-🚀', '103d8ca308254c166409a17fee27b51d'],
      ['k8s-workload-no-privileged', '', '51788fc251e72b135c1f51d43413e54a'],
    ];
    // Act
    const ids = pinned.map(([checkId, resourceId]) => findingId(checkId, resourceId));
    // Assess
    expect(ids).toEqual(pinned.map(([, , id]) => id));
  });

  it('evaluate and evaluateAll give a resource the same findings, in catalog order, with the same id as findingId', () => {
    // Prepare
    const resources = [eksCluster(), iamUser(), eksCluster({ name: 'staging' })];
    // Act
    const all = evaluateAll(resources, { now: NOW });
    const each = resources.flatMap((resource) => evaluate(resource, { now: NOW }));
    // Assess
    expect(all).toEqual(each);
    expect(all.map((f) => f.id)).toEqual(all.map((f) => findingId(f.checkId, f.resourceId)));
    expect(all.map((f) => `${f.resourceId} ${f.checkId}`)).toEqual(
      resources.flatMap((r) => CATALOG.byResourceType(r.type).map((c) => `${r.id} ${c.id}`)),
    );
  });

  it('evaluateAll evaluates each resource at one time', () => {
    const findings = evaluateAll([eksCluster(), iamUser()]);
    expect(new Set(findings.map((f) => f.evaluatedAt)).size).toBe(1);
    expect(new Set(findings.map((f) => f.resourceType))).toEqual(
      new Set(['eks-cluster', 'iam-user'].filter((t) => CATALOG.byResourceType(t as never).length > 0)),
    );
  });
});
