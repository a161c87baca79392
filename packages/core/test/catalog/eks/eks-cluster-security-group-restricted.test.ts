import { describe, expect, it } from 'vitest';
import { eksClusterSecurityGroupRestricted as check } from '../../../src/catalog/eks/eks-cluster-security-group-restricted.js';
import { CheckRegistry } from '../../../src/check/registry.js';
import { evaluate } from '../../../src/evaluate.js';
import { ingressRule, sampleCluster } from '../../helpers/eks.js';
import { eksCluster, NOW } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const GROUP = 'sg-01c84d09d70f39a7f';

describe('eks-cluster-security-group-restricted', () => {
  it('passes rules from private ranges and security groups only', () => {
    const cluster = sampleCluster({
      clusterSecurityGroup: { groupId: GROUP, ingress: [ingressRule({ ipv4Ranges: ['10.0.0.0/16'] })] },
    });
    expect(runCheck(check, cluster)).toEqual({
      status: 'PASS',
      message: `Cluster my-eks-cluster security group ${GROUP} allows no ingress from 0.0.0.0/0 or ::/0`,
    });
  });

  it('fails ingress from 0.0.0.0/0, naming the protocol and port', () => {
    const cluster = eksCluster({
      clusterSecurityGroup: {
        groupId: GROUP,
        ingress: [ingressRule({ ipv4Ranges: ['10.0.0.0/16', '0.0.0.0/0'] })],
      },
    });
    expect(runCheck(check, cluster)).toEqual({
      status: 'FAIL',
      message: `Cluster prod security group ${GROUP} allows ingress from 0.0.0.0/0 (tcp 443)`,
    });
  });

  it('fails ingress from ::/0 and describes all-traffic and port-range rules', () => {
    const cluster = eksCluster({
      clusterSecurityGroup: {
        groupId: GROUP,
        ingress: [
          ingressRule({ ipProtocol: '-1', fromPort: undefined, toPort: undefined, ipv6Ranges: ['::/0'] }),
          ingressRule({ fromPort: 30000, toPort: 32767, ipv4Ranges: ['0.0.0.0/0'] }),
        ],
      },
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('::/0 (all traffic)');
    expect(outcome.message).toContain('0.0.0.0/0 (tcp 30000-32767)');
  });

  it('is not applicable to a cluster without a cluster security group', () => {
    expect(runCheck(check, eksCluster({ clusterSecurityGroup: undefined }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Cluster prod has no cluster security group',
    });
  });

  it('is recorded as ERROR when the security group could not be described', () => {
    const cluster = eksCluster({
      clusterSecurityGroup: undefined,
      unreadable: { clusterSecurityGroup: 'UnauthorizedOperation: ec2:DescribeSecurityGroups' },
    });
    const [finding] = evaluate(cluster, { catalog: new CheckRegistry([check]), now: NOW });
    expect(finding?.status).toBe('ERROR');
  });
});
