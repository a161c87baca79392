import type { Finding } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { writeSnapshot } from '../../../aws/test/helpers/snapshot-dir.js';
import { ecrEksSnapshot } from '../../../aws/test/helpers/snapshots.js';
import { runCli } from './run-cli.js';

describe('customs scan on a snapshot built by hand from the AWS CLI reference outputs', () => {
  it('assesses every resource, with an ERROR only where the snapshot lacks what a check reads, saying what', async () => {
    // Prepare: describe-cluster, describe-nodegroup, describe-repositories, get-repository-policy,
    // describe-images, describe-image-scan-findings… exactly as the AWS CLI reference prints them
    const dir = await writeSnapshot(ecrEksSnapshot());
    // Act
    const { code, stdout, stderr } = await runCli('scan', '--snapshot', dir, '--format', 'json');
    // Assess
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { findings } = JSON.parse(stdout) as { findings: Finding[] };
    // The hand-built DescribeSubnets leaves out one subnet of the published nodegroup: that check says so.
    expect(
      findings
        .filter((finding) => finding.status === 'ERROR' && finding.resourceType !== 'k8s-cluster')
        .map((finding) => finding.message),
    ).toEqual([
      'Could not read my-eks-cluster/my-eks-nodegroup: subnets (subnet subnet-09d912bb63ef21b9a not returned by DescribeSubnets)',
    ]);
    // The snapshot has the cluster but none of its Kubernetes API (no k8s/ files): that is ERROR, saying how to record it.
    const kubernetes = findings.filter((finding) => finding.resourceType === 'k8s-cluster');
    expect(kubernetes.length).toBeGreaterThan(0);
    for (const finding of kubernetes) {
      expect(finding.status).toBe('ERROR');
      expect(finding.message).toContain('not in the snapshot: k8s/GetVersion/my-eks-cluster.json');
    }
    const failing = findings
      .filter((finding) => finding.status === 'FAIL')
      .map((finding) => `${finding.checkId} ${finding.resourceName}`);
    // The published describe-cluster: Kubernetes 1.26, all five log types, no secrets encryption.
    expect(failing).toContain('eks-cluster-supported-version my-eks-cluster');
    expect(failing).toContain('eks-cluster-secrets-encrypted my-eks-cluster');
    expect(failing).not.toContain('eks-cluster-audit-logging my-eks-cluster');
    // The published get-repository-policy allows public pull ("Principal": "*").
    expect(failing).toContain('ecr-repository-not-public team/app');
  });
});
