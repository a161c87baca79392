import { describe, expect, it } from 'vitest';
import { eksClusterFargateIsolation as check } from '../../../src/catalog/eks/eks-cluster-fargate-isolation.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-fargate-isolation', () => {
  it('reports the namespaces the documented Fargate profile selects', () => {
    const outcome = runCheck(check, sampleCluster());
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Cluster my-eks-cluster runs pods of namespaces prod*, *dev* on Fargate, one micro-VM per pod (profiles my-fargate-profile)',
    });
  });

  it('lists each namespace once across profiles', () => {
    const outcome = runCheck(
      check,
      eksCluster({
        fargateProfiles: [
          { name: 'untrusted', namespaces: ['sandbox', 'ci'] },
          { name: 'ci-extra', namespaces: ['ci'] },
        ],
      }),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('namespaces sandbox, ci on Fargate');
    expect(outcome.message).toContain('profiles untrusted, ci-extra');
  });

  it('is not applicable without Fargate profiles', () => {
    expect(runCheck(check, eksCluster({ fargateProfiles: [] }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Cluster prod has no Fargate profiles',
    });
  });

  it('never fails, whatever the profiles hold', () => {
    const odd = eksCluster({ fargateProfiles: [{ name: 'empty', namespaces: [] }] });
    expect(runCheck(check, odd).status).toBe('PASS');
    expect(runCheck(check, odd).message).toContain('no namespace selectors');
  });
});
