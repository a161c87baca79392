import { describe, expect, it } from 'vitest';
import { k8sWorkloadServiceAccountToken as check } from '../../../src/catalog/k8s/k8s-workload-service-account-token.js';
import { evaluate } from '../../../src/evaluate.js';
import { podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const LABEL = 'Deployment default/nginx-deployment';

describe('k8s-workload-service-account-token', () => {
  it("fails the documentation's Deployment: no serviceAccountName, so the default account, token mounted", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message: `${LABEL} runs as the default ServiceAccount of namespace default with its token mounted (neither the pod nor the ServiceAccount sets automountServiceAccountToken)`,
    });
  });

  it('passes the default account when the pod turns the token off', () => {
    // Prepare
    const workload = sampleWorkload({ template: podTemplate({ automountServiceAccountToken: false }) });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: `${LABEL} runs as the default ServiceAccount of namespace default without its token (the pod sets automountServiceAccountToken: false)`,
    });
  });

  it('passes the default account when the ServiceAccount turns the token off and the pod says nothing', () => {
    const workload = sampleWorkload({
      serviceAccount: { name: 'default', found: true, automountServiceAccountToken: false },
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'PASS',
      message: `${LABEL} runs as the default ServiceAccount of namespace default without its token (the ServiceAccount sets automountServiceAccountToken: false)`,
    });
  });

  it("fails when the pod's true overrides the ServiceAccount's false", () => {
    const workload = sampleWorkload({
      template: podTemplate({ automountServiceAccountToken: true }),
      serviceAccount: { name: 'default', found: true, automountServiceAccountToken: false },
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message: `${LABEL} runs as the default ServiceAccount of namespace default with its token mounted (the pod sets automountServiceAccountToken: true)`,
    });
  });

  it("passes when the pod's false overrides the ServiceAccount's true", () => {
    const workload = sampleWorkload({
      template: podTemplate({ automountServiceAccountToken: false }),
      serviceAccount: { name: 'default', found: true, automountServiceAccountToken: true },
    });
    expect(runCheck(check, workload).status).toBe('PASS');
  });

  it('passes a ServiceAccount of its own, token mounted or not (it was chosen)', () => {
    const workload = sampleWorkload({
      template: podTemplate({ serviceAccountName: 'payments' }),
      serviceAccount: { name: 'payments', found: true },
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'PASS',
      message: `${LABEL} runs as its own ServiceAccount payments`,
    });
  });

  it('fails a ServiceAccount the namespace does not have, saying its pods cannot be created', () => {
    const workload = sampleWorkload({
      namespace: 'shop',
      serviceAccount: { name: 'payments', found: false },
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message:
        'Deployment shop/nginx-deployment runs as ServiceAccount payments, which namespace shop does not have: Kubernetes refuses to create its pods until the account exists',
    });
  });

  it('is NOT_APPLICABLE in a namespace of podSecurityExemptNamespaces, naming it', () => {
    const workload = sampleWorkload({
      namespace: 'kube-system',
      kind: 'DaemonSet',
      workloadName: 'aws-node',
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'DaemonSet kube-system/aws-node is exempt: namespace kube-system is in podSecurityExemptNamespaces',
    });
    expect(runCheck(check, workload, { podSecurityExemptNamespaces: [] }).status).toBe('FAIL');
  });

  it('is ERROR through the engine when the ServiceAccounts could not be read, never a PASS', () => {
    const workload = sampleWorkload({
      serviceAccount: { name: 'payments', found: true },
      unreadable: { serviceAccount: 'ListServiceAccounts: 403 Forbidden' },
    });
    const finding = evaluate(workload).find((candidate) => candidate.checkId === check.id);
    expect(finding?.status).toBe('ERROR');
    expect(finding?.message).toContain('serviceAccount (ListServiceAccounts: 403 Forbidden)');
  });
});
