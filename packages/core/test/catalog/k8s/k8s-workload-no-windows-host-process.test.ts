import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoWindowsHostProcess as check } from '../../../src/catalog/k8s/k8s-workload-no-windows-host-process.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import {
  CONTAINER_KINDS,
  itIsNotApplicableWhenExemptOrEmpty,
  withContainer,
  withTemplate,
} from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

const podSecurity = { sysctls: [] };

describe('k8s-workload-no-windows-host-process', () => {
  it('passes the documentation Deployment, which sets no windowsOptions', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: neither the pod nor any of its 1 container(s) is a Windows HostProcess',
    });
  });

  it('fails a pod-level hostProcess: true', () => {
    // Prepare
    const workload = withTemplate({
      osName: 'windows',
      securityContext: { ...podSecurity, windowsHostProcess: true },
    });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment runs as Windows HostProcess: the pod (securityContext.windowsOptions.hostProcess: true)',
    });
  });

  it.each(CONTAINER_KINDS)('fails a $kind with hostProcess: true', ({ kind, label }) => {
    expect(runCheck(check, withContainer(kind, { securityContext: { windowsHostProcess: true } }))).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment runs as Windows HostProcess: ${label} (securityContext.windowsOptions.hostProcess: true)`,
    });
  });

  it.each(CONTAINER_KINDS)('passes a $kind with hostProcess: false', ({ kind }) => {
    expect(
      runCheck(check, withContainer(kind, { securityContext: { windowsHostProcess: false } })).status,
    ).toBe('PASS');
  });

  it('fails a pod-level true even where a container sets false (PSS forbids the pod-level field)', () => {
    const workload = withContainer(
      'container',
      { securityContext: { windowsHostProcess: false } },
      { securityContext: { ...podSecurity, windowsHostProcess: true } },
    );
    expect(runCheck(check, workload).message).toContain('Windows HostProcess: the pod (');
  });

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withTemplate({ securityContext: { ...podSecurity, windowsHostProcess: true } }),
  );
});
