import { describe, expect, it } from 'vitest';
import { eksNodegroupSecurityContextLabel as check } from '../../../src/catalog/eks/eks-nodegroup-security-context-label.js';
import { sampleNodegroup } from '../../helpers/eks.js';
import { eksNodegroup } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-nodegroup-security-context-label', () => {
  it('passes a nodegroup labelled with the default key, naming the context', () => {
    const outcome = runCheck(check, eksNodegroup({ labels: { 'customs.io/security-context': 'payments' } }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Nodegroup prod/workers has label customs.io/security-context=payments',
    });
  });

  it('fails the documented sample, whose labels are empty', () => {
    expect(runCheck(check, sampleNodegroup())).toEqual({
      status: 'FAIL',
      message:
        'Nodegroup my-eks-cluster/my-eks-nodegroup lacks label customs.io/security-context (it has no labels)',
    });
  });

  it('fails other labels, listing the keys it found', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({ labels: { team: 'web', 'node.kubernetes.io/lifecycle': 'spot' } }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('its labels are team, node.kubernetes.io/lifecycle');
  });

  it('reads the key from isolationLabelKey', () => {
    // Prepare
    const nodegroup = eksNodegroup({ labels: { 'example.com/tenant': 'blue' } });
    // Act
    const custom = runCheck(check, nodegroup, { isolationLabelKey: 'example.com/tenant' });
    const defaultKey = runCheck(check, nodegroup);
    // Assess
    expect(custom.status).toBe('PASS');
    expect(defaultKey.status).toBe('FAIL');
  });
});
