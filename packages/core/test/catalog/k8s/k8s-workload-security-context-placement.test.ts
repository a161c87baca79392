import { describe, expect, it } from 'vitest';
import { k8sWorkloadSecurityContextPlacement as check } from '../../../src/catalog/k8s/k8s-workload-security-context-placement.js';
import type { K8sPodTemplate, K8sToleration } from '../../../src/types/kubernetes.js';
import { podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KEY = 'customs.io/security-context';
const LABEL = `Deployment default/nginx-deployment (${KEY}=pci)`;
const TOLERATION: K8sToleration = { key: KEY, operator: 'Equal', value: 'pci', effect: 'NoSchedule' };

/** The documentation's Deployment labelled with the `pci` security context, shaped by `overrides`. */
function pciWorkload(overrides: Partial<K8sPodTemplate> = {}) {
  return sampleWorkload({
    template: podTemplate({ labels: { app: 'nginx', [KEY]: 'pci' }, ...overrides }),
  });
}

describe('k8s-workload-security-context-placement', () => {
  it('passes a nodeSelector on the context with the matching toleration', () => {
    // Prepare
    const workload = pciWorkload({ nodeSelector: { [KEY]: 'pci' }, tolerations: [TOLERATION] });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: `${LABEL} selects its security context's nodes by nodeSelector ${KEY}=pci, and it tolerates ${KEY}=pci:NoSchedule`,
    });
  });

  it('passes a required node affinity whose every term requires the context', () => {
    const workload = pciWorkload({
      requiredNodeAffinity: [
        [{ key: KEY, operator: 'In', values: ['pci'] }],
        [
          { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          { key: KEY, operator: 'In', values: ['pci', 'pci'] },
        ],
      ],
      tolerations: [{ key: KEY, operator: 'Equal', value: 'pci', effect: 'NoExecute' }],
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'PASS',
      message: `${LABEL} selects its security context's nodes by required node affinity ${KEY} In [pci] in each of its 2 term(s), and it tolerates ${KEY}=pci:NoExecute`,
    });
  });

  it('fails a node affinity with one term that does not require the context (terms are ORed)', () => {
    const workload = pciWorkload({
      requiredNodeAffinity: [
        [{ key: KEY, operator: 'In', values: ['pci'] }],
        [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }],
      ],
      tolerations: [TOLERATION],
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message: `${LABEL} may run outside its security context's nodes: neither a nodeSelector ${KEY}=pci nor a required node affinity selects them (1 of its 2 required node affinity term(s) lack ${KEY} In [pci])`,
    });
  });

  it.each([
    ['another value among the values', { key: KEY, operator: 'In', values: ['pci', 'public'] }],
    ['operator Exists', { key: KEY, operator: 'Exists', values: [] }],
    ['operator NotIn', { key: KEY, operator: 'NotIn', values: ['public'] }],
    ['no values', { key: KEY, operator: 'In', values: [] }],
  ])('fails a node affinity requirement with %s', (_case, requirement) => {
    const workload = pciWorkload({ requiredNodeAffinity: [[requirement]], tolerations: [TOLERATION] });
    expect(runCheck(check, workload).status).toBe('FAIL');
  });

  it("fails a nodeSelector on another context's nodes, naming the value", () => {
    const workload = pciWorkload({ nodeSelector: { [KEY]: 'public' }, tolerations: [TOLERATION] });
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message: `${LABEL} may run outside its security context's nodes: its nodeSelector ${KEY}=public selects the nodes of another security context`,
    });
  });

  it('fails without node selection or toleration, saying both', () => {
    expect(runCheck(check, pciWorkload())).toEqual({
      status: 'FAIL',
      message: `${LABEL} may run outside its security context's nodes: neither a nodeSelector ${KEY}=pci nor a required node affinity selects them (it has no required node affinity); none of its 0 toleration(s) tolerates the taint ${KEY}=pci (NoSchedule or NoExecute)`,
    });
  });

  it.each<[string, K8sToleration]>([
    ['another value', { key: KEY, operator: 'Equal', value: 'public', effect: 'NoSchedule' }],
    ['another key', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
    ['only PreferNoSchedule', { key: KEY, operator: 'Equal', value: 'pci', effect: 'PreferNoSchedule' }],
    ['Equal with no value', { key: KEY, operator: 'Equal', effect: 'NoSchedule' }],
    ['an operator Kubernetes does not match here', { key: KEY, operator: 'Gt', value: 'pci' }],
  ])('fails a toleration with %s, as Kubernetes matches it', (_case, candidate) => {
    const workload = pciWorkload({ nodeSelector: { [KEY]: 'pci' }, tolerations: [candidate] });
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message: `${LABEL} may run outside its security context's nodes: none of its 1 toleration(s) tolerates the taint ${KEY}=pci (NoSchedule or NoExecute)`,
    });
  });

  it.each<[string, K8sToleration]>([
    ['Equal by default (no operator) and any effect', { key: KEY, value: 'pci' }],
    ['Exists on the key, any value', { key: KEY, operator: 'Exists', effect: 'NoSchedule' }],
  ])('passes a toleration %s', (_case, candidate) => {
    const workload = pciWorkload({ nodeSelector: { [KEY]: 'pci' }, tolerations: [candidate] });
    expect(runCheck(check, workload).status).toBe('PASS');
  });

  it('passes a toleration of everything (Exists, no key) and says it tolerates every taint', () => {
    const workload = pciWorkload({ nodeSelector: { [KEY]: 'pci' }, tolerations: [{ operator: 'Exists' }] });
    expect(runCheck(check, workload)).toEqual({
      status: 'PASS',
      message: `${LABEL} selects its security context's nodes by nodeSelector ${KEY}=pci, and it tolerates ${KEY}=pci:NoSchedule through a toleration with operator Exists and no key, which tolerates every taint, those of other security contexts included`,
    });
  });

  it('is NOT_APPLICABLE without the label, naming the key', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Deployment default/nginx-deployment carries no ${KEY} label: not placed by security context`,
    });
  });

  it('reads the configured isolationLabelKey', () => {
    const workload = sampleWorkload({
      template: podTemplate({
        labels: { tier: 'pci' },
        nodeSelector: { tier: 'pci' },
        tolerations: [{ key: 'tier', operator: 'Equal', value: 'pci', effect: 'NoSchedule' }],
      }),
    });
    expect(runCheck(check, workload, { isolationLabelKey: 'tier' }).status).toBe('PASS');
    expect(runCheck(check, workload).status).toBe('NOT_APPLICABLE');
  });
});
