import { describe, expect, it } from 'vitest';
import { k8sWorkloadCapabilitiesBaseline as check } from '../../../src/catalog/k8s/k8s-workload-capabilities-baseline.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { CONTAINER_KINDS, itIsNotApplicableWhenExemptOrEmpty, withContainer } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

const adding = (add: string[], kind: K8sContainerKind = 'container') =>
  withContainer(kind, { securityContext: { capabilities: { add, drop: [] } } });

describe('k8s-workload-capabilities-baseline', () => {
  it('passes the documentation Deployment, which adds no capabilities', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment adds no Linux capabilities to its containers',
    });
  });

  it.each(CONTAINER_KINDS)(
    'fails SYS_ADMIN added to a $kind, naming only what is beyond the list',
    ({ kind, label }) => {
      // Prepare
      const workload = adding(['NET_BIND_SERVICE', 'SYS_ADMIN', 'cap_sys_admin'], kind);
      // Act
      const outcome = runCheck(check, workload);
      // Assess
      expect(outcome).toEqual({
        status: 'FAIL',
        message: `Deployment default/nginx-deployment adds Linux capabilities outside allowedAddedCapabilities: ${label} (SYS_ADMIN)`,
      });
    },
  );

  it.each(CONTAINER_KINDS)(
    'passes the baseline list on a $kind, in any case and with CAP_, naming them',
    ({ kind, label }) => {
      expect(runCheck(check, adding(['cap_net_bind_service', 'Chown', ' SETUID '], kind))).toEqual({
        status: 'PASS',
        message: `Deployment default/nginx-deployment adds only allowed Linux capabilities: ${label} (NET_BIND_SERVICE, CHOWN, SETUID)`,
      });
    },
  );

  it.each(['ALL', 'NET_RAW', 'NET_ADMIN', 'SYS_PTRACE', 'CAP_SYS_MODULE', 'bpf'])(
    'fails an added %s',
    (capability) => {
      expect(runCheck(check, adding([capability])).status).toBe('FAIL');
    },
  );

  it('ignores blank names, which add nothing', () => {
    expect(runCheck(check, adding(['', '  '])).message).toBe(
      'Deployment default/nginx-deployment adds no Linux capabilities to its containers',
    );
  });

  it('follows allowedAddedCapabilities from the config, written either way', () => {
    const workload = adding(['NET_RAW']);
    expect(runCheck(check, workload, { allowedAddedCapabilities: ['CAP_NET_RAW'] }).status).toBe('PASS');
    expect(runCheck(check, adding(['CHOWN']), { allowedAddedCapabilities: [] }).status).toBe('FAIL');
  });

  itIsNotApplicableWhenExemptOrEmpty(check, adding(['SYS_ADMIN']));
});
