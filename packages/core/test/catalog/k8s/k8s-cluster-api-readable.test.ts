import { describe, expect, it } from 'vitest';
import { k8sClusterApiReadable as check } from '../../../src/catalog/k8s/k8s-cluster-api-readable.js';
import { evaluate } from '../../../src/evaluate.js';
import { sampleK8sCluster } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

/**
 * A reader's reason, as the Kubernetes client's errors give it (the contract of issue 13: the
 * cluster, the call, what happened, what to do).
 */
const FORBIDDEN =
  'cluster my-cluster refused GET /version (403 Forbidden): give the Customs role an EKS access entry associated with AmazonEKSViewPolicy';
const UNREACHABLE =
  'cluster my-cluster did not answer GET /version (timed out after 10 s): its endpoint may be private; run Customs with network access to the cluster VPC';

/** The cluster as the reader emits it when the API could not be read: every property unreadable. */
function unreadableCluster(reason: string) {
  return sampleK8sCluster({
    api: {},
    clusterRoleBindings: [],
    roleBindings: [],
    clusterRoles: [],
    roles: [],
    counts: { namespaces: 0, workloads: 0 },
    unreadable: {
      api: reason,
      clusterRoleBindings: reason,
      roleBindings: reason,
      clusterRoles: reason,
      roles: reason,
    },
  });
}

describe('k8s-cluster-api-readable', () => {
  it('passes a cluster whose API was read, with the counts and the Kubernetes version', () => {
    expect(runCheck(check, sampleK8sCluster())).toEqual({
      status: 'PASS',
      message: 'Cluster my-cluster: read 4 namespace(s) and 1 workload(s) (Kubernetes v1.31.4-eks-2d5f260)',
    });
  });

  it('passes, saying so, when GET /version answered without a gitVersion', () => {
    const cluster = sampleK8sCluster({ api: {}, counts: { namespaces: 0, workloads: 0 } });
    expect(runCheck(check, cluster).message).toBe(
      'Cluster my-cluster: read 0 namespace(s) and 0 workload(s) (Kubernetes version not reported by GET /version)',
    );
  });

  it.each([
    ['refused', FORBIDDEN],
    ['unreachable', UNREACHABLE],
  ])('is ERROR through the engine when the API was %s, carrying the reason and the fix', (_case, reason) => {
    // Prepare
    const cluster = unreadableCluster(reason);
    // Act
    const findings = evaluate(cluster);
    // Assess
    const finding = findings.find((candidate) => candidate.checkId === check.id);
    expect(finding).toMatchObject({
      status: 'ERROR',
      severity: 'high',
      recommendation: 'CSA-4',
      resourceId: 'arn:aws:eks:us-west-2:111122223333:cluster/my-cluster/kubernetes',
      message: `Could not read my-cluster: api (${reason})`,
    });
    // no check of the cluster passes on what was not read
    expect(findings.filter((candidate) => candidate.status === 'PASS')).toEqual([]);
  });
});
