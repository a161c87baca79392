import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoHostNetwork as check } from '../../../src/catalog/k8s/k8s-workload-no-host-network.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { itIsNotApplicableWhenExemptOrEmpty, withTemplate } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-no-host-network', () => {
  it('passes the documentation Deployment, which leaves hostNetwork unset', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment runs on the pod network (hostNetwork: unset)',
    });
  });

  it('passes hostNetwork: false, saying so', () => {
    expect(runCheck(check, withTemplate({ hostNetwork: false }))).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment runs on the pod network (hostNetwork: false)',
    });
  });

  it('fails a Job on the host network', () => {
    // Prepare
    const job = { ...withTemplate({ hostNetwork: true }), kind: 'Job' as const, workloadName: 'migrate' };
    // Act
    const outcome = runCheck(check, job);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: "Job default/migrate runs on the node's network namespace (hostNetwork: true)",
    });
  });

  itIsNotApplicableWhenExemptOrEmpty(check, withTemplate({ hostNetwork: true }));
});
