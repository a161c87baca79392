import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoHostPidIpc as check } from '../../../src/catalog/k8s/k8s-workload-no-host-pid-ipc.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { itIsNotApplicableWhenExemptOrEmpty, withTemplate } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-no-host-pid-ipc', () => {
  it('passes the documentation Deployment, and false on both', () => {
    const passing = {
      status: 'PASS',
      message: "Deployment default/nginx-deployment shares neither the node's process nor its IPC namespace",
    };
    expect(runCheck(check, sampleWorkload())).toEqual(passing);
    expect(runCheck(check, withTemplate({ hostPID: false, hostIPC: false }))).toEqual(passing);
  });

  it.each([
    [{ hostPID: true }, "the node's process namespace (hostPID: true)"],
    [{ hostIPC: true }, "the node's IPC namespace (hostIPC: true)"],
    [
      { hostPID: true, hostIPC: true },
      "the node's process namespace (hostPID: true) and IPC namespace (hostIPC: true)",
    ],
  ])('fails %o, naming what is shared', (template, shared) => {
    expect(runCheck(check, withTemplate(template))).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment shares ${shared}`,
    });
  });

  itIsNotApplicableWhenExemptOrEmpty(check, withTemplate({ hostIPC: true }));
});
