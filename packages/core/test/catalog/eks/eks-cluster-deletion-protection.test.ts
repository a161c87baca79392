import { describe, expect, it } from 'vitest';
import { eksClusterDeletionProtection as check } from '../../../src/catalog/eks/eks-cluster-deletion-protection.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-deletion-protection', () => {
  it('passes when deletion protection is on', () => {
    // Prepare
    const cluster = eksCluster({ deletionProtection: true });
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome.status).toBe('PASS');
  });

  it('fails when deletion protection is off or absent, naming the cluster', () => {
    const off = runCheck(check, eksCluster({ deletionProtection: false }));
    const absent = runCheck(check, eksCluster({ deletionProtection: undefined, name: 'legacy' }));
    expect(off.status).toBe('FAIL');
    expect(absent).toEqual({ status: 'FAIL', message: 'Cluster legacy has deletionProtection=false' });
  });
});
