import { describe, expect, it } from 'vitest';
import { eksClusterAccessEntriesEnabled as check } from '../../../src/catalog/eks/eks-cluster-access-entries-enabled.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-access-entries-enabled', () => {
  it('passes the documented sample in API_AND_CONFIG_MAP mode', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'PASS',
      message: 'Cluster my-eks-cluster has authenticationMode=API_AND_CONFIG_MAP',
    });
  });

  it('passes API mode', () => {
    expect(runCheck(check, eksCluster({ authenticationMode: 'API' })).status).toBe('PASS');
  });

  it('fails CONFIG_MAP mode, naming it', () => {
    expect(runCheck(check, eksCluster({ authenticationMode: 'CONFIG_MAP' }))).toEqual({
      status: 'FAIL',
      message: 'Cluster prod has authenticationMode=CONFIG_MAP',
    });
  });

  it('fails an absent authentication mode, which means the ConfigMap only', () => {
    const outcome = runCheck(check, eksCluster({ authenticationMode: undefined }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('reports no authenticationMode');
  });
});
