import { describe, expect, it } from 'vitest';
import { eksClusterEndpointPrivateAccess as check } from '../../../src/catalog/eks/eks-cluster-endpoint-private-access.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-endpoint-private-access', () => {
  it('passes the documented sample, which has private access on', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'PASS',
      message: 'Cluster my-eks-cluster has private endpoint access enabled',
    });
  });

  it('fails private access turned off, naming the value', () => {
    expect(runCheck(check, eksCluster({ endpointPrivateAccess: false }))).toEqual({
      status: 'FAIL',
      message: 'Cluster prod has endpointPrivateAccess=false',
    });
  });

  it('fails an absent value, EKS defaulting to no private access', () => {
    expect(runCheck(check, eksCluster({ endpointPrivateAccess: undefined })).status).toBe('FAIL');
  });
});
