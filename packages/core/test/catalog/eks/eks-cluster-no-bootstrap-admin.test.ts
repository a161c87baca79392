import { describe, expect, it } from 'vitest';
import { eksClusterNoBootstrapAdmin as check } from '../../../src/catalog/eks/eks-cluster-no-bootstrap-admin.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-no-bootstrap-admin', () => {
  it('passes when the creator was not given admin', () => {
    expect(runCheck(check, eksCluster({ bootstrapClusterCreatorAdminPermissions: false }))).toEqual({
      status: 'PASS',
      message: 'Cluster prod has bootstrapClusterCreatorAdminPermissions=false',
    });
  });

  it('fails when the creator holds bootstrap admin', () => {
    expect(runCheck(check, eksCluster({ bootstrapClusterCreatorAdminPermissions: true }))).toEqual({
      status: 'FAIL',
      message: 'Cluster prod has bootstrapClusterCreatorAdminPermissions=true',
    });
  });

  it('is not applicable, saying why, when the cluster does not report the flag (as in the documented sample)', () => {
    const outcome = runCheck(check, sampleCluster());
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.message).toContain(
      'my-eks-cluster does not report bootstrapClusterCreatorAdminPermissions',
    );
  });
});
