import { describe, expect, it } from 'vitest';
import { k8sWorkloadProcMountDefault as check } from '../../../src/catalog/k8s/k8s-workload-proc-mount-default.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { CONTAINER_KINDS, itIsNotApplicableWhenExemptOrEmpty, withContainer } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-proc-mount-default', () => {
  it('passes the documentation Deployment, which leaves procMount unset', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: its 1 container(s) keep the default /proc masks',
    });
  });

  it.each(CONTAINER_KINDS)('fails a $kind with procMount Unmasked', ({ kind, label }) => {
    // Prepare
    const workload = withContainer(kind, { securityContext: { procMount: 'Unmasked' } });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment unmasks /proc: ${label} (procMount Unmasked)`,
    });
  });

  it.each(CONTAINER_KINDS)('passes a $kind with procMount Default', ({ kind }) => {
    expect(runCheck(check, withContainer(kind, { securityContext: { procMount: 'Default' } })).status).toBe(
      'PASS',
    );
  });

  it('passes Unmasked in a pod of its own user namespace (hostUsers: false), saying why', () => {
    const workload = withContainer(
      'container',
      { securityContext: { procMount: 'Unmasked' } },
      { hostUsers: false },
    );
    expect(runCheck(check, workload)).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment runs in its own user namespace (hostUsers: false), where baseline allows sidecar (procMount Unmasked)',
    });
    const hostUsers = withContainer(
      'container',
      { securityContext: { procMount: 'Unmasked' } },
      { hostUsers: true },
    );
    expect(runCheck(check, hostUsers).status).toBe('FAIL');
  });

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withContainer('container', { securityContext: { procMount: 'Unmasked' } }),
  );
});
