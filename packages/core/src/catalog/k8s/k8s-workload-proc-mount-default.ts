import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { clipped, containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

export const k8sWorkloadProcMountDefault = defineCheck({
  id: 'k8s-workload-proc-mount-default',
  title: 'Kubernetes workloads keep the default masks of /proc',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "The container runtime masks and makes read-only the parts of /proc that expose or reconfigure the EC2 node's kernel (/proc/kcore, /proc/sys, /proc/sysrq-trigger…). `procMount: Unmasked` removes those masks, handing the container kernel interfaces an escape uses. Pod Security Standards baseline allows only `Default`, except for a pod in its own user namespace (`hostUsers: false`, PSA from Kubernetes 1.34), whose root is not the node's.",
  remediation: {
    text: 'Remove `securityContext.procMount` from every container, init container and ephemeral container (or set it to `Default`); a pod that needs an unmasked /proc (nested containers) should run in a user namespace (`hostUsers: false`).',
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"containers":[{"name":"<container>","securityContext":{"procMount":"Default"}}]}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            procMount: Default',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: { pss: ['procMount'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers, hostUsers } = workload.template;
    const unmasked = containers.flatMap(function procMount(container) {
      const value = container.securityContext?.procMount;
      return value !== undefined && value !== 'Default'
        ? [`${containerLabel(container)} (procMount ${clipped(value) || '""'})`]
        : [];
    });
    if (unmasked.length > 0 && hostUsers === false) {
      return pass(
        `${workloadLabel(workload)} runs in its own user namespace (hostUsers: false), where baseline allows ${listed(unmasked)}`,
      );
    }
    if (unmasked.length > 0) {
      return fail(`${workloadLabel(workload)} unmasks /proc: ${listed(unmasked)}`);
    }
    return pass(
      `${workloadLabel(workload)}: its ${containers.length} container(s) keep the default /proc masks`,
    );
  },
});
