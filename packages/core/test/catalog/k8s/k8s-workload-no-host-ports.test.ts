import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoHostPorts as check } from '../../../src/catalog/k8s/k8s-workload-no-host-ports.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { CONTAINER_KINDS, itIsNotApplicableWhenExemptOrEmpty, withContainer } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-no-host-ports', () => {
  it('passes the documentation Deployment, whose port 80 has no hostPort', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: none of its 1 container(s) sets a hostPort',
    });
  });

  it.each(CONTAINER_KINDS)(
    'fails a hostPort on a $kind, naming the container and the ports',
    ({ kind, label }) => {
      // Prepare
      const workload = withContainer(kind, {
        ports: [
          { containerPort: 8080, hostPort: 8080 },
          { containerPort: 9090 },
          { containerPort: 53, hostPort: 53, protocol: 'UDP' },
        ],
      });
      // Act
      const outcome = runCheck(check, workload);
      // Assess
      expect(outcome).toEqual({
        status: 'FAIL',
        message: `Deployment default/nginx-deployment binds ports of the node: ${label} (hostPort 8080, 53)`,
      });
    },
  );

  it.each(CONTAINER_KINDS)('passes a $kind with hostPort 0, which PSA allows', ({ kind }) => {
    const outcome = runCheck(check, withContainer(kind, { ports: [{ containerPort: 8080, hostPort: 0 }] }));
    expect(outcome.status).toBe('PASS');
  });

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withContainer('container', { ports: [{ containerPort: 80, hostPort: 80 }] }),
  );
});
