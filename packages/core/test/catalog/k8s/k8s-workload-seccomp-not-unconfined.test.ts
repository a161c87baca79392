import { describe, expect, it } from 'vitest';
import { k8sWorkloadSeccompNotUnconfined as check } from '../../../src/catalog/k8s/k8s-workload-seccomp-not-unconfined.js';
import { k8sContainer, sampleWorkload } from '../../helpers/k8s.js';
import {
  CONTAINER_KINDS,
  itIsNotApplicableWhenExemptOrEmpty,
  withContainer,
  withTemplate,
} from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

const pod = (seccompProfileType: string) => ({ securityContext: { sysctls: [], seccompProfileType } });

describe('k8s-workload-seccomp-not-unconfined', () => {
  it('passes the documentation Deployment, which leaves seccomp unset (allowed at baseline), saying what that means', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message:
        "Deployment default/nginx-deployment sets no Unconfined seccomp profile; it is unset for nginx (Unconfined unless the kubelet's seccompDefault is on), which baseline allows",
    });
  });

  it('passes a pod-level RuntimeDefault that every container inherits', () => {
    expect(runCheck(check, withTemplate(pod('RuntimeDefault')))).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: its 1 container(s) run with RuntimeDefault or Localhost seccomp profiles',
    });
  });

  it.each(CONTAINER_KINDS)('fails a $kind that sets Unconfined, overriding the pod', ({ kind, label }) => {
    // Prepare
    const workload = withContainer(
      kind,
      { securityContext: { seccompProfileType: 'Unconfined' } },
      pod('RuntimeDefault'),
    );
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment sets seccomp profiles baseline forbids: ${label} (seccompProfile.type Unconfined)`,
    });
  });

  it.each(CONTAINER_KINDS)('passes a $kind with Localhost under a pod-level Localhost', ({ kind }) => {
    const workload = withContainer(
      kind,
      { securityContext: { seccompProfileType: 'Localhost' } },
      pod('Localhost'),
    );
    expect(runCheck(check, workload).status).toBe('PASS');
  });

  it('fails a pod-level Unconfined, naming the containers that inherit it', () => {
    const workload = withContainer(
      'initContainer',
      { securityContext: { seccompProfileType: 'RuntimeDefault' } },
      pod('Unconfined'),
    );
    expect(runCheck(check, workload).message).toBe(
      'Deployment default/nginx-deployment sets seccomp profiles baseline forbids: the pod (seccompProfile.type Unconfined, inherited by nginx)',
    );
  });

  it('fails a pod-level Unconfined even where every container overrides it (PSS forbids the pod-level field)', () => {
    const workload = withTemplate({
      ...pod('Unconfined'),
      containers: [k8sContainer({ securityContext: { seccompProfileType: 'RuntimeDefault' } })],
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment sets seccomp profiles baseline forbids: the pod (seccompProfile.type Unconfined, overridden by every container)',
    });
  });

  itIsNotApplicableWhenExemptOrEmpty(check, withTemplate(pod('Unconfined')));
});
