import { describe, expect, it } from 'vitest';
import { k8sNamespacePodSecurityEnforced as check } from '../../../src/catalog/k8s/k8s-namespace-pod-security-enforced.js';
import { evaluate } from '../../../src/evaluate.js';
import { sampleNamespace } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

describe('k8s-namespace-pod-security-enforced', () => {
  it('fails a namespace with only the label the API sets: any pod is admitted', () => {
    expect(runCheck(check, sampleNamespace('shop'))).toEqual({
      status: 'FAIL',
      message: `Namespace shop has no ${ENFORCE} label: Pod Security Admission admits any pod (the cluster's default level, privileged on EKS)`,
    });
  });

  it('fails enforce=privileged', () => {
    // Prepare
    const namespace = sampleNamespace('shop', { [ENFORCE]: 'privileged' });
    // Act
    const outcome = runCheck(check, namespace);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Namespace shop has ${ENFORCE}=privileged: Pod Security Admission admits any pod`,
    });
  });

  it.each(['baseline', 'restricted'])(
    'passes enforce=%s, naming the policy version (latest by default)',
    (level) => {
      expect(runCheck(check, sampleNamespace('shop', { [ENFORCE]: level }))).toEqual({
        status: 'PASS',
        message: `Namespace shop enforces the ${level} Pod Security Standard at latest (no ${ENFORCE}-version label)`,
      });
    },
  );

  it('names a pinned enforce-version', () => {
    const namespace = sampleNamespace('shop', { [ENFORCE]: 'restricted', [`${ENFORCE}-version`]: 'v1.30' });
    expect(runCheck(check, namespace).message).toBe(
      `Namespace shop enforces the restricted Pod Security Standard at ${ENFORCE}-version=v1.30`,
    );
  });

  it('judges only enforce: warn and audit labels admit pods', () => {
    const namespace = sampleNamespace('shop', {
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
    expect(runCheck(check, namespace).status).toBe('FAIL');
  });

  it('passes a value PSA cannot parse, as PSA enforces restricted for it, and says so', () => {
    expect(runCheck(check, sampleNamespace('shop', { [ENFORCE]: 'Restricted' }))).toEqual({
      status: 'PASS',
      message: `Namespace shop has ${ENFORCE}=Restricted, which is not a level (privileged, baseline, restricted): Pod Security Admission enforces restricted for a value it cannot parse; write the level you mean`,
    });
  });

  it('cuts a huge label value in its message', () => {
    const outcome = runCheck(check, sampleNamespace('shop', { [ENFORCE]: 'x'.repeat(10_000) }));
    expect(outcome.message.length).toBeLessThan(300);
    expect(outcome.message).toContain(`${'x'.repeat(63)}…`);
  });

  it('is NOT_APPLICABLE for a namespace of podSecurityExemptNamespaces, naming it', () => {
    expect(runCheck(check, sampleNamespace('kube-system'))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Namespace kube-system is exempt: it is in podSecurityExemptNamespaces',
    });
    expect(runCheck(check, sampleNamespace('kube-system'), { podSecurityExemptNamespaces: [] }).status).toBe(
      'FAIL',
    );
  });

  it('is ERROR through the engine when the labels could not be read, never a FAIL or PASS', () => {
    const namespace = { ...sampleNamespace('shop'), unreadable: { labels: 'ListNamespaces: 403 Forbidden' } };
    const finding = evaluate(namespace).find((candidate) => candidate.checkId === check.id);
    expect(finding?.status).toBe('ERROR');
    expect(finding?.message).toBe('Could not read my-cluster/shop: labels (ListNamespaces: 403 Forbidden)');
  });
});
