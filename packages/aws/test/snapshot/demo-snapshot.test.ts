import { fileURLToPath } from 'node:url';
import { isScopeLevel, RESOURCE_TYPES } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { SnapshotCollector } from '../../src/index.js';

const DEMO = fileURLToPath(new URL('../../../local/snapshots/demo/', import.meta.url));

describe('the demo snapshot (packages/local/snapshots/demo)', () => {
  it('reads without errors or warnings, with resources of every type', async () => {
    // Act
    const collector = await SnapshotCollector.open(DEMO);
    const { resources, missing, warnings } = await collector.collectAll();
    // Assess
    const counts = Object.fromEntries(
      // every type a collector reads (the organisation's scope type, aws-account, is the AccountRouter's)
      RESOURCE_TYPES.filter((type) => !isScopeLevel(type)).map((type) => [
        type,
        resources.filter((resource) => resource.type === type).length,
      ]),
    );
    expect(collector.scope).toEqual({ accountId: '111122223333', region: 'eu-west-1' });
    expect(collector.capturedAt).toEqual(new Date('2026-11-28T12:00:00Z'));
    expect(warnings).toEqual([]);
    expect(missing).toEqual([]);
    expect(counts).toEqual({
      'ecr-registry': 1,
      'ecr-repository': 5,
      'ecr-image': 10,
      'eks-cluster': 2,
      'eks-nodegroup': 5,
      'eks-access-entry': 4,
      'iam-user': 4,
      'iam-role': 11,
      'iam-policy': 12,
      'iam-account': 1,
      'ecs-cluster': 2,
      'ecs-service': 5,
      // the six revisions in use or latest of their family (ListTaskDefinitions lists eight)
      'ecs-task-definition': 6,
      // the demo's two clusters, their Kubernetes APIs not recorded yet (no k8s/ files)
      'k8s-cluster': 2,
      'k8s-namespace': 7,
      'k8s-workload': 6,
    });
  });

  it('gives every resource a unique id', async () => {
    const { resources } = await (await SnapshotCollector.open(DEMO)).collectAll();
    const ids = resources.map((resource) => `${resource.type} ${resource.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('re-reads a changed managed policy with the users and roles it is attached to', async () => {
    // Prepare
    const collector = await SnapshotCollector.open(DEMO);
    // Act
    const userPolicy = await collector.collect([
      { type: 'iam-policy', name: 'arn:aws:iam::111122223333:policy/legacy-ci-ecr-full' },
    ]);
    const rolePolicy = await collector.collect([
      { type: 'iam-policy', name: 'arn:aws:iam::111122223333:policy/payments-ci-push' },
    ]);
    // Assess
    expect(userPolicy.resources.map((resource) => [resource.type, resource.name])).toEqual([
      ['iam-policy', 'legacy-ci-ecr-full'],
      ['iam-user', 'ci-legacy'],
    ]);
    expect(rolePolicy.resources.map((resource) => [resource.type, resource.name])).toEqual([
      ['iam-policy', 'payments-ci-push'],
      ['iam-role', 'payments-ci-codebuild'],
    ]);
  });
});
