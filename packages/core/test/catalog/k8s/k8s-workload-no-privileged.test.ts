import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoPrivileged as check } from '../../../src/catalog/k8s/k8s-workload-no-privileged.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { CONTAINER_KINDS, itIsNotApplicableWhenExemptOrEmpty, withContainer } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-no-privileged', () => {
  it('passes the documentation Deployment, whose container has no securityContext', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: none of its 1 container(s) is privileged',
    });
  });

  it.each(CONTAINER_KINDS)('fails a privileged $kind, naming it', ({ kind, label }) => {
    // Prepare
    const workload = withContainer(kind, { securityContext: { privileged: true } });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment runs privileged container(s) ${label} (securityContext.privileged: true)`,
    });
  });

  it.each(CONTAINER_KINDS)('passes a $kind with privileged: false', ({ kind }) => {
    const outcome = runCheck(check, withContainer(kind, { securityContext: { privileged: false } }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: none of its 2 container(s) is privileged',
    });
  });

  it('names every privileged container, at most ten, then how many more', () => {
    // Prepare
    const containers = Array.from({ length: 12 }, (_, index) =>
      k8sContainer({ name: `c${index}`, securityContext: { privileged: true } }),
    );
    const workload = sampleWorkload({
      kind: 'DaemonSet',
      workloadName: 'logging',
      template: podTemplate({ containers }),
    });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome.message).toBe(
      'DaemonSet default/logging runs privileged container(s) c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 2 more (securityContext.privileged: true)',
    );
  });

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withContainer('container', { securityContext: { privileged: true } }),
  );
});
