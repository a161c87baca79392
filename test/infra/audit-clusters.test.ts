import { describe, expect, it } from 'vitest';
import { AUDIT_SUBSCRIPTION_NAME, auditClusters, auditLogGroup } from '../../infra/audit-clusters.js';

describe('the clusters whose audit logs the deployment subscribes to', () => {
  it('reads CUSTOMS_EKS_AUDIT_CLUSTERS: comma-separated names, trimmed, once each; none when unset', () => {
    expect(auditClusters({ CUSTOMS_EKS_AUDIT_CLUSTERS: ' prod, staging,,prod ' })).toEqual([
      'prod',
      'staging',
    ]);
    expect(auditClusters({})).toEqual([]);
    expect(auditClusters({ CUSTOMS_EKS_AUDIT_CLUSTERS: '  ' })).toEqual([]);
  });

  it('stops the deployment on a name EKS could not have issued, naming it', () => {
    expect(() => auditClusters({ CUSTOMS_EKS_AUDIT_CLUSTERS: 'prod,prod/cluster' })).toThrow(
      'infra: CUSTOMS_EKS_AUDIT_CLUSTERS holds "prod/cluster", not an EKS cluster name (1 to 100 letters, digits, - and _)',
    );
  });

  it("subscribes on each cluster's control plane log group, under one filter name", () => {
    expect(auditLogGroup('prod')).toBe('/aws/eks/prod/cluster');
    expect(AUDIT_SUBSCRIPTION_NAME).toBe('customs-k8s-audit');
  });
});
