import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sPodTemplate, K8sToleration } from '../../types/kubernetes.js';
import { workloadLabel } from './pod-template.js';

/**
 * The taint effects a security context's nodes carry (eks-cluster-security-contexts-segregated's
 * NO_SCHEDULE and NO_EXECUTE, as Kubernetes spells them on the node).
 */
const CONTEXT_TAINT_EFFECTS = ['NoSchedule', 'NoExecute'] as const;

interface Taint {
  key: string;
  value: string;
  effect: string;
}

/**
 * Kubernetes' `Toleration.ToleratesTaint`: an effect, when set, must equal the taint's; a key,
 * when set, must equal the taint's (no key with `Exists` matches every key); `Exists` matches any
 * value, `Equal` (the default) the same value; any other operator tolerates nothing here.
 */
function tolerates(toleration: K8sToleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const operator = toleration.operator ?? '';
  if (operator === 'Exists') return true;
  if (operator === '' || operator === 'Equal') return (toleration.value ?? '') === taint.value;
  return false;
}

/** How the pods select the context's nodes, or why they do not (`ok: false`). */
function selection(template: K8sPodTemplate, key: string, value: string): { ok: boolean; how: string } {
  const selected = template.nodeSelector[key];
  if (selected !== undefined) {
    return selected === value
      ? { ok: true, how: `nodeSelector ${key}=${value}` }
      : {
          ok: false,
          how: `its nodeSelector ${key}=${selected} selects the nodes of another security context`,
        };
  }
  const terms = template.requiredNodeAffinity;
  const pinned = (term: K8sPodTemplate['requiredNodeAffinity'][number]) =>
    term.some(
      (requirement) =>
        requirement.key === key &&
        requirement.operator === 'In' &&
        requirement.values.length > 0 &&
        requirement.values.every((candidate) => candidate === value),
    );
  if (terms.length > 0 && terms.every(pinned)) {
    return {
      ok: true,
      how: `required node affinity ${key} In [${value}] in each of its ${terms.length} term(s)`,
    };
  }
  const affinity =
    terms.length === 0
      ? 'it has no required node affinity'
      : `${terms.filter((term) => !pinned(term)).length} of its ${terms.length} required node affinity term(s) lack ${key} In [${value}]`;
  return {
    ok: false,
    how: `neither a nodeSelector ${key}=${value} nor a required node affinity selects them (${affinity})`,
  };
}

/** How the pods tolerate the context's taint, or why they do not (`ok: false`). */
function toleration(template: K8sPodTemplate, key: string, value: string): { ok: boolean; how: string } {
  for (const effect of CONTEXT_TAINT_EFFECTS) {
    const match = template.tolerations.find((candidate) => tolerates(candidate, { key, value, effect }));
    if (!match) continue;
    const wildcard =
      match.operator === 'Exists' && !match.key
        ? ' through a toleration with operator Exists and no key, which tolerates every taint, those of other security contexts included'
        : '';
    return { ok: true, how: `it tolerates ${key}=${value}:${effect}${wildcard}` };
  }
  return {
    ok: false,
    how: `none of its ${template.tolerations.length} toleration(s) tolerates the taint ${key}=${value} (NoSchedule or NoExecute)`,
  };
}

export const k8sWorkloadSecurityContextPlacement = defineCheck({
  id: 'k8s-workload-security-context-placement',
  title: "Kubernetes workloads labelled with a security context select and tolerate that context's nodes",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-2',
  severity: 'high',
  rationale:
    "A workload's security-context label only says where it belongs: unless its pods select that context's nodes and tolerate the taint that keeps other pods off them, the scheduler may place them on any node, beside workloads of another trust level on the same VM and kernel, and the context's own nodes stay unusable to them.",
  remediation: {
    text: "Give the pod template a nodeSelector (or a required node affinity) on the isolation label key with the workload's security context, and a toleration for the taint with that key and value that the context's nodegroup carries.",
    cli: 'kubectl patch deployment <name> --namespace <namespace> --patch \'{"spec":{"template":{"spec":{"nodeSelector":{"customs.io/security-context":"<context>"},"tolerations":[{"key":"customs.io/security-context","operator":"Equal","value":"<context>","effect":"NoSchedule"}]}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    metadata:\n      labels:\n        customs.io/security-context: <context>\n    spec:\n      nodeSelector:\n        customs.io/security-context: <context>\n      tolerations:\n        - key: customs.io/security-context\n          operator: Equal\n          value: <context>\n          effect: NoSchedule',
    },
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
  },
  mappings: {},
  reads: ['template'],
  evaluate(workload, { config }) {
    const key = config.isolationLabelKey;
    const label = workloadLabel(workload);
    const context = workload.template.labels[key];
    if (context === undefined) {
      return notApplicable(`${label} carries no ${key} label: not placed by security context`);
    }
    const selected = selection(workload.template, key, context);
    const tolerated = toleration(workload.template, key, context);
    if (selected.ok && tolerated.ok) {
      return pass(
        `${label} (${key}=${context}) selects its security context's nodes by ${selected.how}, and ${tolerated.how}`,
      );
    }
    const problems = [selected, tolerated].filter((part) => !part.ok).map((part) => part.how);
    return fail(
      `${label} (${key}=${context}) may run outside its security context's nodes: ${problems.join('; ')}`,
    );
  },
});
