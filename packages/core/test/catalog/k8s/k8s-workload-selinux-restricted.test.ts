import { describe, expect, it } from 'vitest';
import { k8sWorkloadSelinuxRestricted as check } from '../../../src/catalog/k8s/k8s-workload-selinux-restricted.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import {
  CONTAINER_KINDS,
  itIsNotApplicableWhenExemptOrEmpty,
  withContainer,
  withTemplate,
} from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-selinux-restricted', () => {
  it('passes the documentation Deployment, which sets no seLinuxOptions', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: the pod and its 1 container(s) use only container SELinux types, with no user or role',
    });
  });

  it.each(CONTAINER_KINDS)(
    'fails a $kind with type spc_t, a user and a role, naming each',
    ({ kind, label }) => {
      // Prepare
      const workload = withContainer(kind, {
        securityContext: {
          seLinuxOptions: { type: 'spc_t', user: 'system_u', role: 'system_r', level: 's0' },
        },
      });
      // Act
      const outcome = runCheck(check, workload);
      // Assess
      expect(outcome).toEqual({
        status: 'FAIL',
        message: `Deployment default/nginx-deployment sets SELinux options baseline forbids: ${label} (type spc_t, user system_u, role system_r)`,
      });
    },
  );

  it.each(CONTAINER_KINDS)('passes a $kind with each allowed type, an empty one and a level', ({ kind }) => {
    for (const type of ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t', '']) {
      const workload = withContainer(kind, {
        securityContext: { seLinuxOptions: { type, user: '', role: '', level: 's0:c1,c2' } },
      });
      expect(runCheck(check, workload).status, type).toBe('PASS');
    }
  });

  it('fails the pod level on its own, and a container that sets only a role', () => {
    const workload = withContainer(
      'initContainer',
      { securityContext: { seLinuxOptions: { role: 'sysadm_r' } } },
      { securityContext: { sysctls: [], seLinuxOptions: { type: 'unconfined_t' } } },
    );
    expect(runCheck(check, workload).message).toBe(
      'Deployment default/nginx-deployment sets SELinux options baseline forbids: the pod (type unconfined_t), init container setup (role sysadm_r)',
    );
  });

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withTemplate({ securityContext: { sysctls: [], seLinuxOptions: { user: 'root' } } }),
  );
});
