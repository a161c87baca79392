import { describe, expect, it } from 'vitest';
import { eksClusterSupportedVersion as check } from '../../../src/catalog/eks/eks-cluster-supported-version.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-supported-version', () => {
  it('fails the documented sample cluster on 1.26, naming the version and the minimum', () => {
    // Act
    const outcome = runCheck(check, sampleCluster());
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Cluster my-eks-cluster runs Kubernetes 1.26, below 1.31',
    });
  });

  it('passes a cluster at or above the default minimum 1.31', () => {
    expect(runCheck(check, eksCluster({ version: '1.31' })).status).toBe('PASS');
    expect(runCheck(check, eksCluster({ version: '1.33' })).status).toBe('PASS');
    expect(runCheck(check, eksCluster({ version: '2.0' })).status).toBe('PASS');
  });

  it('compares minor versions as numbers, not strings', () => {
    // "1.9" sorts after "1.31" as text but is eight releases older.
    expect(runCheck(check, eksCluster({ version: '1.9' })).status).toBe('FAIL');
    expect(runCheck(check, eksCluster({ version: '1.100' })).status).toBe('PASS');
  });

  it('uses eksMinVersion from the configuration', () => {
    // Prepare
    const cluster = eksCluster({ name: 'stage', version: '1.32' });
    // Act
    const stricter = runCheck(check, cluster, { eksMinVersion: '1.33' });
    const looser = runCheck(check, eksCluster({ version: '1.29' }), { eksMinVersion: '1.28' });
    // Assess
    expect(stricter).toEqual({ status: 'FAIL', message: 'Cluster stage runs Kubernetes 1.32, below 1.33' });
    expect(looser.status).toBe('PASS');
  });

  it('ignores a patch part of the version', () => {
    expect(runCheck(check, eksCluster({ version: '1.31.4' })).status).toBe('PASS');
    expect(runCheck(check, eksCluster({ version: '1.30.9' })).status).toBe('FAIL');
  });

  it('is not applicable, saying why, when the version is absent or not major.minor', () => {
    const absent = runCheck(check, eksCluster({ version: undefined }));
    const odd = runCheck(check, eksCluster({ version: 'latest' }));
    expect(absent).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Cluster prod reports no Kubernetes version to compare',
    });
    expect(odd.status).toBe('NOT_APPLICABLE');
    expect(odd.message).toContain('latest');
  });
});
