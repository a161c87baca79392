import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerLabel, isWindowsPod, listed, noContainers, workloadLabel } from './pod-template.js';

/**
 * Every container sets `securityContext.readOnlyRootFilesystem: true` (absent is writable). Not a
 * Pod Security Standards control (Prowler core_readonly_root_filesystem_enabled, Kubescape
 * C-0017), so `podSecurityExemptNamespaces` does not exempt a workload from it. A Windows pod is
 * NOT_APPLICABLE: the API refuses the field when `spec.os.name` is windows.
 */
export const k8sWorkloadReadOnlyRootFilesystem = defineCheck({
  id: 'k8s-workload-read-only-root-filesystem',
  title: 'Kubernetes workload containers have a read-only root file system',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "A writable root file system lets a compromised process replace the container's binaries and libraries, drop tools and persist a foothold for as long as the container lives; a read-only root keeps the running container identical to its scanned image.",
  remediation: {
    text: 'Set securityContext.readOnlyRootFilesystem: true on every container, init container and ephemeral container; mount an emptyDir where the application must write (/tmp, caches), and roll the workload out again.',
    cli: 'kubectl patch deployment <name> -n <namespace> --type json -p \'[{"op":"add","path":"/spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem","value":true}]\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            readOnlyRootFilesystem: true\n          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n      volumes:\n        - name: tmp\n          emptyDir: {}',
    },
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
  mappings: { prowler: ['core_readonly_root_filesystem_enabled'], kubescape: ['C-0017'] },
  reads: ['template'],
  evaluate(workload) {
    const none = noContainers(workload);
    if (none) return notApplicable(none);
    if (isWindowsPod(workload.template)) {
      return notApplicable(
        `${workloadLabel(workload)} runs Windows pods (spec.os.name: ${workload.template.osName}): readOnlyRootFilesystem cannot be set on Windows`,
      );
    }
    const { containers } = workload.template;
    const offenders = containers.flatMap(function writable(container) {
      const value = container.securityContext?.readOnlyRootFilesystem;
      return value === true ? [] : [`${containerLabel(container)} (${value ?? 'unset'})`];
    });
    if (offenders.length > 0) {
      return fail(
        `${workloadLabel(workload)} gives container(s) ${listed(offenders)} a writable root file system (readOnlyRootFilesystem is not true)`,
      );
    }
    return pass(
      `${workloadLabel(workload)}: all ${containers.length} container(s) have a read-only root file system`,
    );
  },
});
