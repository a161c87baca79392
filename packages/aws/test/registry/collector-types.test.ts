import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RESOURCE_TYPE_INFO, type ResourceType, serviceOf } from '@customs/core';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_CALLS,
  actionsOfType,
  COLLECTOR_TYPES,
  callInfo,
  callsOfType,
  everyCall,
  missingMeans,
  readActions,
  readOperations,
  snapshotFilesOfType,
  typesOfUnit,
} from '../../src/index.js';

const SNAPSHOT_DOC = readFileSync(
  fileURLToPath(new URL('../../../../docs/snapshot.md', import.meta.url)),
  'utf8',
);
const TYPES = Object.keys(RESOURCE_TYPE_INFO) as ResourceType[];

/** The rows of docs/snapshot.md's table: the file (first cell) and what a missing one means (second). */
function documentedFiles(): Map<string, string> {
  const rows = SNAPSHOT_DOC.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(
    rows.flatMap(function cells(row) {
      const [files = '', missing = ''] = row
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return [...files.matchAll(/`([^`]+\.json)`/g)].map((match) => [match[1] ?? '', missing] as const);
    }),
  );
}

describe('the collector descriptors (COLLECTOR_TYPES)', () => {
  it('describe every resource type of the core registry, and no other', () => {
    for (const type of TYPES)
      expect(COLLECTOR_TYPES[type], `${type} has no collector descriptor`).toBeDefined();
    expect(Object.keys(COLLECTOR_TYPES).sort()).toEqual([...TYPES].sort());
  });

  it('name only calls of CALLS, each of its own service or an auxiliary one (EC2 for EKS; IAM and ECR for ECS; EKS and ECR for Kubernetes; Inspector for ECR)', () => {
    const auxiliary: Record<string, string[]> = {
      eks: ['ec2'],
      ecs: ['iam', 'ecr'],
      k8s: ['eks', 'ecr'],
      ecr: ['inspector2'],
    };
    for (const type of TYPES) {
      for (const name of [
        ...callsOfType(type),
        ...((COLLECTOR_TYPES[type] as { stored?: string[] }).stored ?? []),
      ]) {
        const [service = '', operation = ''] = name.split(':');
        expect(callInfo(service as 'ecr', operation), `${type}: ${name} is not in CALLS`).toBeDefined();
        expect([serviceOf(type), ...(auxiliary[serviceOf(type)] ?? [])]).toContain(service);
      }
    }
  });

  it('give each type a sweep unit that reads it, a global type the global unit', () => {
    for (const type of TYPES) expect(typesOfUnit(COLLECTOR_TYPES[type].unit)).toContain(type);
    expect(typesOfUnit('iam')).toEqual(TYPES.filter((type) => serviceOf(type) === 'iam'));
    expect(typesOfUnit('eks')).toEqual(['eks-cluster', 'eks-nodegroup', 'eks-access-entry']);
  });

  it('leave no call of CALLS unread: each is a type’s, the collector’s own, or a snapshot’s only', () => {
    const used = new Set<string>([...ACCOUNT_CALLS, ...TYPES.flatMap(callsOfType)]);
    const stored = new Set(
      TYPES.flatMap((type) => (COLLECTOR_TYPES[type] as { stored?: string[] }).stored ?? []),
    );
    for (const { name, info } of everyCall()) {
      if (info.stored) expect(stored, `${name} is stored but no type reads it`).toContain(name);
      else expect(used, `${name} is in CALLS but no type calls it`).toContain(name);
    }
    expect(readOperations()).not.toContain('ecr:DescribeImageScanFindings');
  });

  it('derive the IAM policy: the actions of all types are the published actions', () => {
    expect([...new Set(TYPES.flatMap(actionsOfType))].sort()).toEqual(
      readActions().filter((action) => action !== 'ecr:DescribeRegistry'),
    );
    // with Inspector's coverage of the images (asked only when the registry's scan type is ENHANCED)
    expect(actionsOfType('ecr-image')).toEqual([
      'ecr:BatchGetImage',
      'ecr:DescribeImageSigningStatus',
      'ecr:DescribeImages',
      'ecr:GetRegistryScanningConfiguration',
      'inspector2:ListCoverage',
    ]);
  });
});

describe('the snapshot files (docs/snapshot.md)', () => {
  it('are documented for every type, each with what a missing one means as CALLS says', () => {
    // Prepare
    const documented = documentedFiles();
    // Act
    const files = TYPES.flatMap(snapshotFilesOfType);
    // Assess
    expect(files).toContain('ecr/DescribeImageScanFindings/<repo>/<digest>.json');
    for (const file of files) {
      expect(documented.has(file), `${file} is not in docs/snapshot.md`).toBe(true);
      const [service = '', operation = ''] = file.split('/');
      const meaning = missingMeans(service as 'ecr', operation.replace(/\.json$/, ''));
      expect(documented.get(file), file).toMatch(meaning === 'absent' ? /^absent/ : /^not recorded/);
    }
  });
});
