import { describe, expect, it } from 'vitest';
import { ecsClusterSecurityContextsSegregated as check } from '../../../src/catalog/ecs/ecs-cluster-security-contexts-segregated.js';
import { pinnedValue } from '../../../src/catalog/ecs/placement-expression.js';
import type { EcsServicePlacement } from '../../../src/types/ecs.js';
import { sampleCluster, servicePlacement } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const KEY = 'customs.io/security-context';

function service(name: string, context: string | undefined, overrides: Partial<EcsServicePlacement> = {}) {
  return servicePlacement({
    serviceName: name,
    tags: context === undefined ? {} : { [KEY]: context },
    ...overrides,
  });
}

function pinned(value: string) {
  return [{ type: 'memberOf', expression: `attribute:${KEY} == ${value}` }];
}

describe('ecs-cluster-security-contexts-segregated', () => {
  it('fails two EC2 services of different contexts without constraints, naming the pair', () => {
    // Prepare
    const cluster = sampleCluster({ services: [service('payments', 'pci'), service('batch', 'internal')] });
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Cluster default: 2 services of different security contexts (${KEY}) can be placed on the same container instances: payments (pci) and batch (internal) on EC2 instances outside any capacity provider`,
    });
  });

  it('passes when each service is pinned to its own context by memberOf', () => {
    const cluster = sampleCluster({
      services: [
        service('payments', 'pci', { placementConstraints: pinned('pci') }),
        service('batch', 'internal', { placementConstraints: pinned('internal') }),
      ],
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('2 security contexts (pci, internal)');
  });

  it('fails when only one side is pinned: the other can still land on its instances', () => {
    const cluster = sampleCluster({
      services: [
        service('payments', 'pci', { placementConstraints: pinned('pci') }),
        service('batch', 'internal'),
      ],
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(`with ${KEY}=pci`);
  });

  it('counts compound or other expressions as not separating', () => {
    const cluster = sampleCluster({
      services: [
        service('payments', 'pci', {
          placementConstraints: [
            { type: 'memberOf', expression: `attribute:${KEY} == pci and attribute:ecs.os-type == linux` },
          ],
        }),
        service('batch', 'internal', { placementConstraints: [{ type: 'distinctInstance' }] }),
      ],
    });
    expect(runCheck(check, cluster).status).toBe('FAIL');
  });

  it('keeps services on disjoint capacity providers apart, and joins them on a shared one', () => {
    // Prepare
    const apart = sampleCluster({
      services: [
        service('payments', 'pci', { launchType: undefined, capacityProviders: ['pci-asg'] }),
        service('batch', 'internal', { launchType: undefined, capacityProviders: ['batch-asg'] }),
      ],
    });
    const shared = sampleCluster({
      services: [
        service('payments', 'pci', { launchType: undefined, capacityProviders: ['pci-asg', 'shared-asg'] }),
        service('batch', 'internal', { launchType: undefined, capacityProviders: ['shared-asg'] }),
      ],
    });
    // Act
    const apartOutcome = runCheck(check, apart);
    const sharedOutcome = runCheck(check, shared);
    // Assess
    expect(apartOutcome.status).toBe('PASS');
    expect(sharedOutcome.status).toBe('FAIL');
    expect(sharedOutcome.message).toContain('on capacity provider shared-asg');
  });

  it('lets an EC2 launch type service land on a capacity provider instance', () => {
    const cluster = sampleCluster({
      services: [
        service('payments', 'pci', { launchType: undefined, capacityProviders: ['pci-asg'] }),
        service('batch', 'internal', { launchType: 'EC2' }),
      ],
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('capacity provider pci-asg');
  });

  it("uses the cluster's default strategy for a service with neither launch type nor strategy", () => {
    const cluster = sampleCluster({
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE' }],
      services: [
        service('payments', 'pci', { launchType: undefined }),
        service('batch', 'internal', { launchType: undefined }),
      ],
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('one micro-VM per task');
  });

  it('passes Fargate services with the reason, FARGATE_SPOT included, and names untagged services', () => {
    const cluster = sampleCluster({
      services: [
        service('payments', 'pci', { launchType: 'FARGATE' }),
        service('batch', 'internal', { launchType: undefined, capacityProviders: ['FARGATE_SPOT'] }),
        service('legacy', undefined, { launchType: 'FARGATE' }),
      ],
    });
    expect(runCheck(check, cluster)).toEqual({
      status: 'PASS',
      message: `Cluster default: all 3 service(s) run on Fargate, one micro-VM per task, so no two tasks share a kernel; without ${KEY}: legacy`,
    });
  });

  it('does not mix external instances with EC2 ones', () => {
    const cluster = sampleCluster({
      services: [service('edge', 'edge', { launchType: 'EXTERNAL' }), service('batch', 'internal')],
    });
    expect(runCheck(check, cluster).status).toBe('PASS');
  });

  it('is not applicable without services or with fewer than two contexts, naming untagged services', () => {
    const none = runCheck(check, sampleCluster());
    const one = runCheck(check, sampleCluster({ services: [service('a', 'pci'), service('b', undefined)] }));
    expect(none).toEqual({ status: 'NOT_APPLICABLE', message: 'Cluster default has no services' });
    expect(one.status).toBe('NOT_APPLICABLE');
    expect(one.message).toContain(`only ${KEY}=pci`);
    expect(one.message).toContain(`without ${KEY}: b`);
  });

  it('judges 10,000 services in one pass, naming at most ten pairs and every service involved', () => {
    // Prepare: 5,000 pinned pairs of contexts, plus two unpinned services that share with everyone
    const services = Array.from({ length: 10_000 }, (_, index) =>
      service(`svc-${index}`, `ctx-${index}`, { placementConstraints: pinned(`ctx-${index}`) }),
    );
    const allPinned = runCheck(check, sampleCluster({ services }));
    services.push(service('open-a', 'shared-a'), service('open-b', 'shared-b'));
    // Act
    const outcome = runCheck(check, sampleCluster({ services }));
    // Assess
    expect(allPinned.status).toBe('PASS');
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('10002 services');
    expect(outcome.message.split(' and ').length).toBeLessThan(14);
  });
});

describe('pinnedValue', () => {
  it('reads attribute:<key> == <value> only, with or without spaces', () => {
    expect(pinnedValue({ type: 'memberOf', expression: `attribute:${KEY} == pci` }, KEY)).toBe('pci');
    expect(pinnedValue({ type: 'memberOf', expression: ` attribute:${KEY}==pci ` }, KEY)).toBe('pci');
    expect(pinnedValue({ type: 'memberOf', expression: `attribute:${KEY} != pci` }, KEY)).toBeUndefined();
    expect(
      pinnedValue({ type: 'memberOf', expression: `attribute:${KEY} in [pci, web]` }, KEY),
    ).toBeUndefined();
    expect(pinnedValue({ type: 'memberOf', expression: 'attribute:other == pci' }, KEY)).toBeUndefined();
    expect(pinnedValue({ type: 'memberOf', expression: `attribute:${KEY} == ` }, KEY)).toBeUndefined();
    expect(
      pinnedValue({ type: 'distinctInstance', expression: `attribute:${KEY} == pci` }, KEY),
    ).toBeUndefined();
    expect(pinnedValue({ type: 'memberOf' }, KEY)).toBeUndefined();
    expect(
      pinnedValue({ type: 'memberOf', expression: `attribute:${KEY} == ${'='.repeat(5000)}` }, KEY),
    ).toBeUndefined();
  });
});
