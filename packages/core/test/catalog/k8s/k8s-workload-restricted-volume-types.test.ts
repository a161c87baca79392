import { describe, expect, it } from 'vitest';
import { k8sWorkloadRestrictedVolumeTypes as check } from '../../../src/catalog/k8s/k8s-workload-restricted-volume-types.js';
import type { K8sVolume } from '../../../src/types/kubernetes.js';
import { podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

function withVolumes(...volumes: K8sVolume[]) {
  return sampleWorkload({ template: podTemplate({ volumes }) });
}

describe('k8s-workload-restricted-volume-types', () => {
  it("passes the documentation's nginx Deployment, which has no volumes", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment has no volumes',
    });
  });

  it('passes every volume type the restricted standard allows, image volumes included', () => {
    // Prepare
    const sources = [
      'configMap',
      'csi',
      'downwardAPI',
      'emptyDir',
      'ephemeral',
      'persistentVolumeClaim',
      'projected',
      'secret',
      'image',
    ];
    const workload = withVolumes(...sources.map((source) => ({ name: `v-${source}`, source })));
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('all 9 volume(s) are of restricted types');
  });

  it('fails hostPath, nfs and a volume with no source, naming each with its type and path', () => {
    // Prepare
    const workload = withVolumes(
      { name: 'config', source: 'configMap' },
      { name: 'docker-sock', source: 'hostPath', hostPath: '/var/run/docker.sock' },
      { name: 'shared', source: 'nfs' },
      { name: 'odd', source: 'unknown' },
    );
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment mounts volumes of types the restricted standard forbids: docker-sock (hostPath /var/run/docker.sock), shared (nfs), odd (no volume source)',
    });
  });

  it('compares volume types exactly as the API spells them (EmptyDir is not emptyDir)', () => {
    expect(runCheck(check, withVolumes({ name: 'x', source: 'EmptyDir' })).status).toBe('FAIL');
  });

  it('bounds the message: a long host path is cut, and at most ten volumes are named', () => {
    // Prepare
    const volumes = Array.from({ length: 12 }, (_, index) => ({
      name: `host-${index}`,
      source: 'hostPath',
      hostPath: `/${'a'.repeat(1000)}`,
    }));
    // Act
    const outcome = runCheck(check, withVolumes(...volumes));
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('and 2 more');
    expect(outcome.message.length).toBeLessThan(3000);
  });

  it('is NOT_APPLICABLE in a namespace of podSecurityExemptNamespaces, naming it', () => {
    const workload = sampleWorkload({
      namespace: 'kube-system',
      workloadName: 'aws-node',
      kind: 'DaemonSet',
      template: podTemplate({
        volumes: [{ name: 'cni-bin-dir', source: 'hostPath', hostPath: '/opt/cni/bin' }],
      }),
    });
    expect(runCheck(check, workload)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'DaemonSet kube-system/aws-node is exempt: namespace kube-system is in podSecurityExemptNamespaces',
    });
    expect(runCheck(check, workload, { podSecurityExemptNamespaces: [] }).status).toBe('FAIL');
  });

  it('is NOT_APPLICABLE to a workload without containers', () => {
    const workload = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, workload)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Deployment default/nginx-deployment has no containers in its pod template',
    });
  });
});
