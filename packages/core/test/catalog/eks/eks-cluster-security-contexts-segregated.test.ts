import { describe, expect, it } from 'vitest';
import { eksClusterSecurityContextsSegregated as check } from '../../../src/catalog/eks/eks-cluster-security-contexts-segregated.js';
import { nodegroupSummary } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const KEY = 'customs.io/security-context';

function isolated(name: string, context: string, effect = 'NO_SCHEDULE') {
  return nodegroupSummary(name, { [KEY]: context }, [{ key: KEY, value: context, effect }]);
}

describe('eks-cluster-security-contexts-segregated', () => {
  it('passes when every context nodegroup is tainted with its own key and value', () => {
    const cluster = eksCluster({
      nodegroups: [isolated('web', 'web'), isolated('batch', 'batch', 'NO_EXECUTE')],
    });
    expect(runCheck(check, cluster)).toEqual({
      status: 'PASS',
      message: 'Cluster prod taints every nodegroup of its 2 security contexts (web, batch)',
    });
  });

  it('fails when one context nodegroup lacks a taint, naming it and its context', () => {
    // Prepare
    const cluster = eksCluster({
      nodegroups: [isolated('web', 'web'), nodegroupSummary('batch', { [KEY]: 'batch' })],
    });
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(`batch (${KEY}=batch)`);
    expect(outcome.message).not.toContain(`web (${KEY}=web)`);
  });

  it('does not count PREFER_NO_SCHEDULE, a taint on another value or another key', () => {
    const cluster = eksCluster({
      nodegroups: [
        isolated('soft', 'web', 'PREFER_NO_SCHEDULE'),
        nodegroupSummary('wrong-value', { [KEY]: 'batch' }, [
          { key: KEY, value: 'web', effect: 'NO_SCHEDULE' },
        ]),
        nodegroupSummary('wrong-key', { [KEY]: 'pci' }, [
          { key: 'dedicated', value: 'pci', effect: 'NO_SCHEDULE' },
        ]),
      ],
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('soft');
    expect(outcome.message).toContain('wrong-value');
    expect(outcome.message).toContain('wrong-key');
  });

  it('is not applicable with fewer than two distinct contexts', () => {
    const none = runCheck(check, eksCluster({ nodegroups: [nodegroupSummary('a'), nodegroupSummary('b')] }));
    const one = runCheck(
      check,
      eksCluster({
        nodegroups: [nodegroupSummary('a', { [KEY]: 'web' }), nodegroupSummary('b', { [KEY]: 'web' })],
      }),
    );
    const empty = runCheck(check, eksCluster({ nodegroups: [] }));
    expect(none.status).toBe('NOT_APPLICABLE');
    expect(none.message).toContain(`no ${KEY} label`);
    expect(one).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Cluster prod has fewer than two security contexts among its 2 nodegroup(s) (only ${KEY}=web)`,
    });
    expect(empty.status).toBe('NOT_APPLICABLE');
  });

  it('reads the label key from isolationLabelKey', () => {
    // Prepare
    const tenant = 'example.com/tenant';
    const cluster = eksCluster({
      nodegroups: [
        nodegroupSummary('blue', { [tenant]: 'blue' }, [
          { key: tenant, value: 'blue', effect: 'NO_SCHEDULE' },
        ]),
        nodegroupSummary('green', { [tenant]: 'green' }),
      ],
    });
    // Act
    const custom = runCheck(check, cluster, { isolationLabelKey: tenant });
    const defaultKey = runCheck(check, cluster);
    // Assess
    expect(custom.status).toBe('FAIL');
    expect(custom.message).toContain(`green (${tenant}=green)`);
    expect(defaultKey.status).toBe('NOT_APPLICABLE');
  });
});
