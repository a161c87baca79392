import { describe, expect, it } from 'vitest';
import { k8sWorkloadApparmorNotUnconfined as check } from '../../../src/catalog/k8s/k8s-workload-apparmor-not-unconfined.js';
import { k8sContainer, sampleWorkload } from '../../helpers/k8s.js';
import {
  CONTAINER_KINDS,
  itIsNotApplicableWhenExemptOrEmpty,
  withContainer,
  withTemplate,
} from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/nginx';

describe('k8s-workload-apparmor-not-unconfined', () => {
  it('passes the documentation Deployment, which sets no AppArmor profile', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message:
        "Deployment default/nginx-deployment: the pod and its 1 container(s) keep the runtime's AppArmor profile or a Localhost one",
    });
  });

  it.each(CONTAINER_KINDS)('fails a $kind with appArmorProfile.type Unconfined', ({ kind, label }) => {
    // Prepare
    const workload = withContainer(kind, { securityContext: { appArmorProfileType: 'Unconfined' } });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment sets AppArmor profiles baseline forbids: ${label} (appArmorProfile.type Unconfined)`,
    });
  });

  it.each(CONTAINER_KINDS)('passes a $kind with RuntimeDefault or Localhost', ({ kind }) => {
    for (const type of ['RuntimeDefault', 'Localhost']) {
      expect(
        runCheck(check, withContainer(kind, { securityContext: { appArmorProfileType: type } })).status,
      ).toBe('PASS');
    }
  });

  it("fails a pod-level Unconfined even where every container overrides it (PSS forbids the pod's field)", () => {
    // Prepare
    const workload = withTemplate({
      containers: [k8sContainer({ securityContext: { appArmorProfileType: 'RuntimeDefault' } })],
      securityContext: { sysctls: [], appArmorProfileType: 'Unconfined' },
    });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment sets AppArmor profiles baseline forbids: the pod (appArmorProfile.type Unconfined)',
    });
  });

  it('passes a container-level RuntimeDefault under a pod-level Localhost (the container overrides)', () => {
    const workload = withContainer(
      'container',
      { securityContext: { appArmorProfileType: 'RuntimeDefault' } },
      { securityContext: { sysctls: [], appArmorProfileType: 'Localhost' } },
    );
    expect(runCheck(check, workload).status).toBe('PASS');
  });

  it.each([
    ['unconfined', 'FAIL'],
    ['localhost/k8s-apparmor-example-deny-write', 'PASS'],
    ['runtime/default', 'PASS'],
    ['', 'PASS'],
    ['docker-default', 'FAIL'],
  ])('judges the legacy annotation %j: %s', (value, status) => {
    const outcome = runCheck(
      check,
      withTemplate({ annotations: { [ANNOTATION]: value, 'other.io/key': 'unconfined' } }),
    );
    expect(outcome.status).toBe(status);
    if (status === 'FAIL') {
      expect(outcome.message).toBe(
        `Deployment default/nginx-deployment sets AppArmor profiles baseline forbids: annotation ${ANNOTATION}=${value}`,
      );
    }
  });

  itIsNotApplicableWhenExemptOrEmpty(check, withTemplate({ annotations: { [ANNOTATION]: 'unconfined' } }));
});
