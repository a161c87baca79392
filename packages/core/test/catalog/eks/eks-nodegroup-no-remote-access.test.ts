import { describe, expect, it } from 'vitest';
import { eksNodegroupNoRemoteAccess as check } from '../../../src/catalog/eks/eks-nodegroup-no-remote-access.js';
import { sampleNodegroup } from '../../helpers/eks.js';
import { eksNodegroup } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-nodegroup-no-remote-access', () => {
  it('passes the documented sample, which has no remote access', () => {
    expect(runCheck(check, sampleNodegroup())).toEqual({
      status: 'PASS',
      message: 'Nodegroup my-eks-cluster/my-eks-nodegroup has no SSH remote access',
    });
  });

  it('fails an SSH key with no source security groups, naming the key', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({ remoteAccess: { ec2SshKey: 'ops-key', sourceSecurityGroups: [] } }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Nodegroup prod/workers allows SSH with key ops-key from anywhere (sourceSecurityGroups is empty)',
    });
  });

  it('passes an SSH key restricted to source security groups', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({
        remoteAccess: { ec2SshKey: 'ops-key', sourceSecurityGroups: ['sg-0c1327f6270afbb36'] },
      }),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('only from sg-0c1327f6270afbb36');
  });

  it('passes remote access that names security groups but no key', () => {
    const outcome = runCheck(check, eksNodegroup({ remoteAccess: { sourceSecurityGroups: [] } }));
    expect(outcome.status).toBe('PASS');
  });
});
