import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoHostProbes as check } from '../../../src/catalog/k8s/k8s-workload-no-host-probes.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { CONTAINER_KINDS, itIsNotApplicableWhenExemptOrEmpty, withContainer } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-no-host-probes', () => {
  it('passes the documentation Deployment, which has no probes', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: the probes and lifecycle hooks of its 1 container(s) set no host',
    });
  });

  it.each(CONTAINER_KINDS)(
    'fails a $kind whose probe or hook names a host, listing where',
    ({ kind, label }) => {
      // Prepare
      const workload = withContainer(kind, {
        probeHosts: ['livenessProbe.httpGet=169.254.169.254', 'lifecycle.preStop.tcpSocket=10.0.0.1'],
      });
      // Act
      const outcome = runCheck(check, workload);
      // Assess
      expect(outcome).toEqual({
        status: 'FAIL',
        message: `Deployment default/nginx-deployment sends probes or lifecycle hooks to other hosts: ${label} (livenessProbe.httpGet=169.254.169.254, lifecycle.preStop.tcpSocket=10.0.0.1)`,
      });
    },
  );

  it.each(CONTAINER_KINDS)(
    'passes a $kind whose probe host is empty (the pod IP, which PSA allows)',
    ({ kind }) => {
      const outcome = runCheck(
        check,
        withContainer(kind, { probeHosts: ['readinessProbe.httpGet=', 'startupProbe.tcpSocket= '] }),
      );
      expect(outcome.status).toBe('PASS');
    },
  );

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withContainer('container', { probeHosts: ['livenessProbe.httpGet=10.0.0.1'] }),
  );
});
