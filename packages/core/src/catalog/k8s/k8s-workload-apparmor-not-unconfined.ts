import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { clipped, containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

/** `appArmorProfile.type` values Pod Security Standards baseline allows (besides leaving it unset). */
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** The legacy per-container annotation (deprecated in Kubernetes 1.30, still read by PSA). */
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** An annotation value PSA allows: empty, `runtime/default` or `localhost/<profile>`. */
function allowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export const k8sWorkloadApparmorNotUnconfined = defineCheck({
  id: 'k8s-workload-apparmor-not-unconfined',
  title: "Kubernetes workloads keep the runtime's AppArmor profile or a node-local one",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "On nodes with AppArmor (Bottlerocket, Ubuntu), the container runtime's default profile denies a container writes to /proc and /sys, mounts and other kernel interfaces an escape uses. An `Unconfined` profile (or the legacy annotation's `unconfined`) removes that layer. Pod Security Standards baseline allows only RuntimeDefault, a Localhost profile, or leaving it unset, at the pod and the container level — a pod-level `Unconfined` fails even where every container overrides it.",
  remediation: {
    text: 'Set `securityContext.appArmorProfile.type` to `RuntimeDefault` (or `Localhost` with a profile loaded on the nodes), or remove it, at the pod and every container level; replace a `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotation by the field.',
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"securityContext":{"appArmorProfile":{"type":"RuntimeDefault"}}}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        appArmorProfile:\n          type: RuntimeDefault',
    },
    url: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
  },
  mappings: { pss: ['appArmorProfile'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers, securityContext, annotations } = workload.template;
    const forbidden: string[] = [];
    const podType = securityContext?.appArmorProfileType;
    if (podType !== undefined && !ALLOWED_TYPES.has(podType)) {
      forbidden.push(`the pod (appArmorProfile.type ${clipped(podType) || '""'})`);
    }
    for (const container of containers) {
      const type = container.securityContext?.appArmorProfileType;
      if (type !== undefined && !ALLOWED_TYPES.has(type)) {
        forbidden.push(`${containerLabel(container)} (appArmorProfile.type ${clipped(type) || '""'})`);
      }
    }
    for (const [key, value] of Object.entries(annotations)) {
      if (key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(value)) {
        forbidden.push(`annotation ${clipped(key)}=${clipped(value)}`);
      }
    }
    if (forbidden.length > 0) {
      return fail(`${workloadLabel(workload)} sets AppArmor profiles baseline forbids: ${listed(forbidden)}`);
    }
    return pass(
      `${workloadLabel(workload)}: the pod and its ${containers.length} container(s) keep the runtime's AppArmor profile or a Localhost one`,
    );
  },
});
