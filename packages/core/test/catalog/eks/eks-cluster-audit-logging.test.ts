import { describe, expect, it } from 'vitest';
import { eksClusterAuditLogging as check } from '../../../src/catalog/eks/eks-cluster-audit-logging.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-audit-logging', () => {
  it('passes the documented sample, which enables every log type', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'PASS',
      message: 'Cluster my-eks-cluster has audit logging enabled',
    });
  });

  it('passes audit alone among split enabled and disabled entries', () => {
    const cluster = eksCluster({
      logging: [
        { types: ['api', 'authenticator', 'controllerManager', 'scheduler'], enabled: false },
        { types: ['audit'], enabled: true },
      ],
    });
    expect(runCheck(check, cluster).status).toBe('PASS');
  });

  it('fails when audit is only in a disabled entry, listing what is enabled', () => {
    const cluster = eksCluster({
      logging: [
        { types: ['api'], enabled: true },
        { types: ['audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false },
      ],
    });
    expect(runCheck(check, cluster)).toEqual({
      status: 'FAIL',
      message: 'Cluster prod does not enable the audit log type (enabled log types: api)',
    });
  });

  it('fails a cluster with no logging configuration', () => {
    const outcome = runCheck(check, eksCluster({ logging: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('enabled log types: none');
  });
});
