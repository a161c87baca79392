import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sWorkload } from '../../types/kubernetes.js';
import { exemptNamespace, workloadLabel } from './pod-template.js';

/** The ServiceAccount Kubernetes gives a pod that names none; every namespace has one. */
const DEFAULT_ACCOUNT = 'default';

/**
 * Whether the pods get the account's token, and who decided: the pod's
 * `automountServiceAccountToken` overrides the ServiceAccount's; set on neither, it is mounted.
 */
function automount(workload: K8sWorkload): { mounted: boolean; by: string } {
  const pod = workload.template.automountServiceAccountToken;
  if (pod !== undefined) return { mounted: pod, by: `the pod sets automountServiceAccountToken: ${pod}` };
  const account = workload.serviceAccount.automountServiceAccountToken;
  if (account !== undefined) {
    return { mounted: account, by: `the ServiceAccount sets automountServiceAccountToken: ${account}` };
  }
  return { mounted: true, by: 'neither the pod nor the ServiceAccount sets automountServiceAccountToken' };
}

export const k8sWorkloadServiceAccountToken = defineCheck({
  id: 'k8s-workload-service-account-token',
  title: "Kubernetes workloads do not run as the namespace's default ServiceAccount with its token mounted",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-5',
  severity: 'medium',
  rationale:
    "Every pod that names no ServiceAccount runs as its namespace's `default` one, and gets its API token mounted unless told otherwise: whoever compromises one such pod holds the token every other unnamed workload of the namespace shares, with whatever RBAC anyone ever bound to `default`, and the rights of each application can no longer be audited apart.",
  remediation: {
    text: "Give the workload a ServiceAccount of its own (granted only what it needs), or, if it never calls the Kubernetes API, set automountServiceAccountToken: false on its pod template (or on the namespace's default ServiceAccount, for every pod that does not override it).",
    cli: 'kubectl patch serviceaccount default --namespace <namespace> --patch \'{"automountServiceAccountToken": false}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: <app>\n  namespace: <namespace>\nautomountServiceAccountToken: false\n---\n# in the workload's pod template\nspec:\n  serviceAccountName: <app>\n  automountServiceAccountToken: false",
    },
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
  },
  mappings: { cisEks: ['4.1.5'], kubescape: ['C-0034'] },
  reads: ['template', 'serviceAccount'],
  evaluate(workload, { config }) {
    const exempt = exemptNamespace(workload, config);
    if (exempt) return notApplicable(exempt);
    const label = workloadLabel(workload);
    const account = workload.serviceAccount;
    if (!account.found) {
      return fail(
        `${label} runs as ServiceAccount ${account.name}, which namespace ${workload.namespace} does not have: Kubernetes refuses to create its pods until the account exists`,
      );
    }
    if (account.name !== DEFAULT_ACCOUNT) {
      return pass(`${label} runs as its own ServiceAccount ${account.name}`);
    }
    const token = automount(workload);
    return token.mounted
      ? fail(
          `${label} runs as the default ServiceAccount of namespace ${workload.namespace} with its token mounted (${token.by})`,
        )
      : pass(
          `${label} runs as the default ServiceAccount of namespace ${workload.namespace} without its token (${token.by})`,
        );
  },
});
