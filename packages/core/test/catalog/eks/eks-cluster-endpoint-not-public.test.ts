import { describe, expect, it } from 'vitest';
import { eksClusterEndpointNotPublic as check } from '../../../src/catalog/eks/eks-cluster-endpoint-not-public.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-endpoint-not-public', () => {
  it('passes the documented sample, public but restricted to one /32', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'PASS',
      message: 'Cluster my-eks-cluster has a public endpoint restricted to 22.19.18.2/32',
    });
  });

  it('passes a private-only endpoint', () => {
    expect(
      runCheck(check, eksCluster({ endpointPublicAccess: false, publicAccessCidrs: ['0.0.0.0/0'] })),
    ).toEqual({
      status: 'PASS',
      message: 'Cluster prod has public endpoint access disabled',
    });
  });

  it('fails a public endpoint open to 0.0.0.0/0, naming the CIDR', () => {
    const outcome = runCheck(check, sampleCluster({ publicAccessCidrs: ['0.0.0.0/0'] }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Cluster my-eks-cluster has a public endpoint open to 0.0.0.0/0',
    });
  });

  it('fails a public endpoint open to ::/0 among restricted ranges', () => {
    const outcome = runCheck(
      check,
      eksCluster({ endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.5/32', '::/0'] }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('open to ::/0');
    expect(outcome.message).not.toContain('203.0.113.5/32');
  });

  it('fails a public endpoint with no CIDRs, which EKS opens to everyone', () => {
    const outcome = runCheck(check, eksCluster({ endpointPublicAccess: true, publicAccessCidrs: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('EKS treats as 0.0.0.0/0');
  });

  it('maps to Security Hub EKS.1 and CIS EKS 5.4.2', () => {
    expect(check.mappings.securityHub).toEqual(['EKS.1']);
    expect(check.mappings.cisEks).toEqual(['5.4.2']);
  });
});
