import { describe, expect, it } from 'vitest';
import { eksAccessEntryClusterAdminRestricted as check } from '../../../src/catalog/eks/eks-access-entry-cluster-admin-restricted.js';
import { sampleAccessEntry } from '../../helpers/eks.js';
import { eksAccessEntry } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const ADMIN = 'arn:aws:iam::111122223333:role/Admin';
const CLUSTER_ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

function clusterAdminEntry(principalArn = ADMIN) {
  return eksAccessEntry({
    principalArn,
    associatedPolicies: [{ policyArn: CLUSTER_ADMIN, accessScope: { type: 'cluster', namespaces: [] } }],
  });
}

describe('eks-access-entry-cluster-admin-restricted', () => {
  it('passes the documented sample, associated with AmazonEKSAdminPolicy rather than cluster admin', () => {
    expect(runCheck(check, sampleAccessEntry())).toEqual({
      status: 'PASS',
      message: `Access entry ${ADMIN} on cluster prod has no cluster-scoped AmazonEKSClusterAdminPolicy`,
    });
  });

  it('fails cluster-scoped AmazonEKSClusterAdminPolicy with the default empty allowlist', () => {
    expect(runCheck(check, clusterAdminEntry())).toEqual({
      status: 'FAIL',
      message: `Access entry ${ADMIN} on cluster prod holds cluster-scoped AmazonEKSClusterAdminPolicy and is not in clusterAdminAllowlist`,
    });
  });

  it('passes an allowlisted principal and still fails others', () => {
    // Prepare
    const config = { clusterAdminAllowlist: [ADMIN] };
    // Act
    const allowed = runCheck(check, clusterAdminEntry(), config);
    const other = runCheck(check, clusterAdminEntry('arn:aws:iam::111122223333:user/eks-admin-user'), config);
    // Assess
    expect(allowed.status).toBe('PASS');
    expect(allowed.message).toContain('is in clusterAdminAllowlist');
    expect(other.status).toBe('FAIL');
    expect(other.message).toContain('user/eks-admin-user');
  });

  it('passes AmazonEKSClusterAdminPolicy scoped to namespaces', () => {
    const entry = eksAccessEntry({
      associatedPolicies: [
        { policyArn: CLUSTER_ADMIN, accessScope: { type: 'namespace', namespaces: ['team-a'] } },
      ],
    });
    expect(runCheck(check, entry).status).toBe('PASS');
  });

  it('passes an entry with no associated policies', () => {
    expect(runCheck(check, eksAccessEntry({ associatedPolicies: [] })).status).toBe('PASS');
  });
});
