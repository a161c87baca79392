import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoHostPath as check } from '../../../src/catalog/k8s/k8s-workload-no-host-path.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { itIsNotApplicableWhenExemptOrEmpty, withTemplate } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

describe('k8s-workload-no-host-path', () => {
  it('passes the documentation Deployment, which has no volumes', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment has no volumes',
    });
  });

  it('passes volumes of other sources, counting them', () => {
    const workload = withTemplate({
      volumes: [
        { name: 'cache', source: 'emptyDir' },
        { name: 'config', source: 'configMap' },
      ],
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: none of its 2 volume(s) is a hostPath',
    });
  });

  it("fails the privileged logging DaemonSet's hostPath of /, calling it the host's root file system", () => {
    // Prepare
    const daemonSet = {
      ...withTemplate({
        volumes: [
          { name: 'varlog', source: 'hostPath', hostPath: '/var/log' },
          { name: 'cache', source: 'emptyDir' },
          { name: 'host', source: 'hostPath', hostPath: '/' },
        ],
      }),
      kind: 'DaemonSet' as const,
      workloadName: 'fluent-bit',
    };
    // Act
    const outcome = runCheck(check, daemonSet);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        "DaemonSet default/fluent-bit mounts host paths: varlog (/var/log), host (/: the host's root file system)",
    });
  });

  it('reads // as the root too, and names a hostPath without a path or name', () => {
    const workload = withTemplate({
      volumes: [
        { name: 'root', source: 'hostPath', hostPath: '//' },
        { name: '', source: 'hostPath' },
      ],
    });
    expect(runCheck(check, workload).message).toBe(
      "Deployment default/nginx-deployment mounts host paths: root (//: the host's root file system), (unnamed volume) (no path)",
    );
  });

  it('cuts a hostile path at 120 characters', () => {
    const path = `/${'a'.repeat(100_000)}`;
    const outcome = runCheck(
      check,
      withTemplate({ volumes: [{ name: 'x', source: 'hostPath', hostPath: path }] }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toBe(
      `Deployment default/nginx-deployment mounts host paths: x (${path.slice(0, 120)}…)`,
    );
  });

  itIsNotApplicableWhenExemptOrEmpty(
    check,
    withTemplate({ volumes: [{ name: 'host', source: 'hostPath', hostPath: '/' }] }),
  );
});
