import { describe, expect, it } from 'vitest';
import { eksNodegroupPrivateSubnets as check } from '../../../src/catalog/eks/eks-nodegroup-private-subnets.js';
import { sampleNodegroup } from '../../helpers/eks.js';
import { eksNodegroup } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-nodegroup-private-subnets', () => {
  it('passes when every subnet has MapPublicIpOnLaunch=false', () => {
    expect(runCheck(check, sampleNodegroup())).toEqual({
      status: 'PASS',
      message: 'Nodegroup my-eks-cluster/my-eks-nodegroup: 3 subnet(s) have MapPublicIpOnLaunch=false',
    });
  });

  it('fails when a subnet maps public IPs, naming only that subnet', () => {
    // Prepare
    const nodegroup = sampleNodegroup({
      subnets: [
        { subnetId: 'subnet-0e2907431c9988b72', mapPublicIpOnLaunch: false },
        { subnetId: 'subnet-04ad87f71c6e5ab4d', mapPublicIpOnLaunch: true },
      ],
    });
    // Act
    const outcome = runCheck(check, nodegroup);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Nodegroup my-eks-cluster/my-eks-nodegroup uses subnet(s) with MapPublicIpOnLaunch=true: subnet-04ad87f71c6e5ab4d',
    });
  });

  it('does not fail a subnet whose MapPublicIpOnLaunch is unknown, and says so', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({
        subnets: [
          { subnetId: 'subnet-0e2907431c9988b72', mapPublicIpOnLaunch: false },
          { subnetId: 'subnet-09d912bb63ef21b9a' },
        ],
      }),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain(
      'MapPublicIpOnLaunch is unknown for subnet-09d912bb63ef21b9a, which is not counted as a failure',
    );
  });

  it('mentions unknown subnets on a failure too', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({
        subnets: [
          { subnetId: 'subnet-04ad87f71c6e5ab4d', mapPublicIpOnLaunch: true },
          { subnetId: 'subnet-09d912bb63ef21b9a' },
        ],
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('subnet-04ad87f71c6e5ab4d');
    expect(outcome.message).toContain('unknown for subnet-09d912bb63ef21b9a');
  });

  it('is not applicable to a nodegroup that lists no subnets', () => {
    expect(runCheck(check, eksNodegroup({ subnets: [] }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Nodegroup prod/workers lists no subnets to assess',
    });
  });
});
