import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { CHECK_ID_PATTERN, RESOURCE_TYPES, SECURITY_HUB_CONTROL_PATTERN } from '../src/constants.js';
import {
  childTypesOf,
  countedTypesOf,
  EVENT_HANDLER_NAMES,
  EVENTBRIDGE_SERVICES,
  GLOBAL_SERVICES,
  isGlobalType,
  isScopeLevel,
  needsParent,
  REGIONAL_SERVICES,
  RESOURCE_TYPE_INFO,
  regionOfService,
  regionOfType,
  resourceNameOfRef,
  SERVICES,
  serviceOf,
  typesOfService,
} from '../src/resource-types/index.js';
import type { ResourceType } from '../src/types/common.js';

describe('the resource-type registry', () => {
  it('gives every type a known service, a title and a parent that is itself a type of that service', () => {
    for (const type of RESOURCE_TYPES) {
      const info = RESOURCE_TYPE_INFO[type] as { service: string; title: string; parent?: string };
      expect(Object.keys(SERVICES), type).toContain(info.service);
      expect(info.title.length, type).toBeGreaterThan(0);
      if (info.parent !== undefined) {
        expect(RESOURCE_TYPES, `${type}'s parent`).toContain(info.parent);
        expect(serviceOf(info.parent as ResourceType), `${type}'s parent`).toBe(info.service);
      }
    }
  });

  it('derives global, home region, parents and the types of a service from the descriptors', () => {
    expect(RESOURCE_TYPES.filter(isGlobalType)).toEqual(typesOfService('iam'));
    expect(regionOfType('iam-role', 'eu-west-1')).toBe('us-east-1');
    expect(regionOfType('eks-cluster', 'eu-west-1')).toBe('eu-west-1');
    expect(RESOURCE_TYPES.filter(needsParent)).toEqual([
      'ecr-image',
      'eks-nodegroup',
      'eks-access-entry',
      'ecs-service',
      'k8s-namespace',
      'k8s-workload',
    ]);
    expect(typesOfService('k8s')).toEqual(['k8s-cluster', 'k8s-namespace', 'k8s-workload']);
    expect(typesOfService('ecs')).toEqual(['ecs-cluster', 'ecs-service', 'ecs-task-definition']);
    expect(typesOfService('eks')).toEqual(['eks-cluster', 'eks-nodegroup', 'eks-access-entry']);
    expect(EVENT_HANDLER_NAMES).toEqual([
      'on-ecr-event',
      'on-eks-event',
      'on-ecs-event',
      'on-k8s-audit',
      'on-iam-event',
    ]);
    expect(EVENTBRIDGE_SERVICES).toEqual(['ecr', 'eks', 'ecs', 'iam']);
  });

  it('splits the services by scope, and gives children, home regions and the counted types', () => {
    expect(REGIONAL_SERVICES).toEqual(['ecr', 'eks', 'ecs', 'k8s']);
    expect(GLOBAL_SERVICES).toEqual(['iam']);
    expect(regionOfService('iam', 'eu-west-1')).toBe('us-east-1');
    expect(regionOfService('ecr', 'eu-west-1')).toBe('eu-west-1');
    expect(childTypesOf('eks-cluster')).toEqual(['eks-nodegroup', 'eks-access-entry']);
    expect(childTypesOf('ecr-repository')).toEqual(['ecr-image']);
    expect(childTypesOf('ecs-cluster')).toEqual(['ecs-service']);
    expect(childTypesOf('k8s-cluster')).toEqual(['k8s-namespace', 'k8s-workload']);
    expect(childTypesOf('iam-user')).toEqual([]);
    expect(countedTypesOf('iam')).toEqual(['iam-user', 'iam-role', 'iam-policy']);
    expect(countedTypesOf('ecr')).toEqual(['ecr-repository', 'ecr-image']);
  });

  it('names check ids and Security Hub controls by the services, and refuses others', () => {
    expect(CHECK_ID_PATTERN.test('eks-cluster-audit-logging')).toBe(true);
    expect(CHECK_ID_PATTERN.test('gke-cluster-audit-logging')).toBe(false);
    expect(SECURITY_HUB_CONTROL_PATTERN.test('EKS.2')).toBe(true);
    expect(SECURITY_HUB_CONTROL_PATTERN.test('GKE.2')).toBe(false);
    expect(CHECK_ID_PATTERN.test('k8s-workload-no-privileged')).toBe(true);
  });

  it("starts every check's id with the service of the type it assesses (the account scope's with aws-account-)", () => {
    for (const check of CATALOG.all()) {
      const prefix = isScopeLevel(check.resourceType) ? check.resourceType : serviceOf(check.resourceType);
      expect(check.id.startsWith(`${prefix}-`), check.id).toBe(true);
    }
    expect(CHECK_ID_PATTERN.test('aws-account-reachable')).toBe(true);
    expect(CHECK_ID_PATTERN.test('aws-lambda-runtime')).toBe(true);
    expect(
      CATALOG.all()
        .filter((check) => check.id.startsWith('aws-'))
        .map((check) => check.resourceType),
    ).toEqual(['aws-account']);
  });

  it('keeps the account scope type out of its service: stored in the scope region, no sweep resolves it', () => {
    expect(isScopeLevel('aws-account')).toBe(true);
    expect(RESOURCE_TYPES.filter(isScopeLevel)).toEqual(['aws-account']);
    expect(isGlobalType('aws-account')).toBe(false);
    expect(regionOfType('aws-account', 'eu-west-1')).toBe('eu-west-1');
    expect(typesOfService('iam')).not.toContain('aws-account');
  });
});

describe('resourceNameOfRef', () => {
  it('names child resources by their parent, as the normalised resources do', () => {
    expect(resourceNameOfRef({ type: 'ecr-image', parent: 'team/app', name: 'sha256:ab' })).toBe(
      'team/app@sha256:ab',
    );
    expect(resourceNameOfRef({ type: 'eks-nodegroup', parent: 'prod', name: 'workers' })).toBe(
      'prod/workers',
    );
    expect(
      resourceNameOfRef({
        type: 'eks-access-entry',
        parent: 'prod',
        name: 'arn:aws:iam::111122223333:role/Admin',
      }),
    ).toBe('prod/arn:aws:iam::111122223333:role/Admin');
  });

  it('names a managed policy by its name and an inline one by its principal', () => {
    expect(
      resourceNameOfRef({ type: 'iam-policy', name: 'arn:aws:iam::111122223333:policy/team/ecr-admin' }),
    ).toBe('ecr-admin');
    expect(
      resourceNameOfRef({ type: 'iam-policy', parent: 'arn:aws:iam::111122223333:user/Bob', name: 'deny' }),
    ).toBe('Bob/deny');
    expect(resourceNameOfRef({ type: 'ecr-repository', name: 'team/app' })).toBe('team/app');
  });
});
