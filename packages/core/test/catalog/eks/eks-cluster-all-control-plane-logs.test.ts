import { describe, expect, it } from 'vitest';
import { eksClusterAllControlPlaneLogs as check } from '../../../src/catalog/eks/eks-cluster-all-control-plane-logs.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-all-control-plane-logs', () => {
  it('passes the documented sample, which enables all five types', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'PASS',
      message: 'Cluster my-eks-cluster enables all control plane log types',
    });
  });

  it('passes when the types are spread over several enabled entries', () => {
    const cluster = eksCluster({
      logging: [
        { types: ['api', 'audit'], enabled: true },
        { types: ['authenticator', 'controllerManager', 'scheduler'], enabled: true },
      ],
    });
    expect(runCheck(check, cluster).status).toBe('PASS');
  });

  it('fails naming each type that is disabled', () => {
    const cluster = eksCluster({
      logging: [
        { types: ['api', 'audit', 'authenticator'], enabled: true },
        { types: ['controllerManager', 'scheduler'], enabled: false },
      ],
    });
    expect(runCheck(check, cluster)).toEqual({
      status: 'FAIL',
      message: 'Cluster prod does not enable control plane log type(s) controllerManager, scheduler',
    });
  });

  it('fails every type when logging is absent', () => {
    const outcome = runCheck(check, eksCluster({ logging: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('api, audit, authenticator, controllerManager, scheduler');
  });
});
