import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sNamespace } from '../../types/kubernetes.js';

/** Pod Security Admission's namespace labels (`api/constants.go`). */
const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/** The levels PSA knows; `privileged` enforces nothing. */
const LEVELS = ['privileged', 'baseline', 'restricted'];
const ENFORCING = ['baseline', 'restricted'];

/** The longest label value Kubernetes accepts; a longer one (a hostile snapshot) is cut in messages. */
const MAX_LABEL_VALUE = 63;

/** The policy version the level is enforced at: the `enforce-version` label, else `latest`. */
function version(namespace: K8sNamespace): string {
  const pinned = namespace.labels[ENFORCE_VERSION_LABEL];
  return pinned === undefined
    ? `latest (no ${ENFORCE_VERSION_LABEL} label)`
    : `${ENFORCE_VERSION_LABEL}=${pinned}`;
}

export const k8sNamespacePodSecurityEnforced = defineCheck({
  id: 'k8s-namespace-pod-security-enforced',
  title: 'Kubernetes namespaces enforce the baseline or restricted Pod Security Standard',
  resourceType: 'k8s-namespace',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "Without an enforce label of baseline or restricted, Pod Security Admission lets any pod into the namespace (EKS's default level is privileged): whoever may create a pod there can run it privileged, on the host's network, PID namespace or file system, and step out of the container onto the node.",
  remediation: {
    text: 'Label the namespace pod-security.kubernetes.io/enforce=baseline (or restricted, once its workloads comply); try the level first with the warn and audit labels, or kubectl label --dry-run=server, which lists the pods that would be refused.',
    cli: 'kubectl label --overwrite namespace <namespace> pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/enforce-version=latest',
    iac: {
      format: 'kubernetes',
      snippet:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: <namespace>\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: latest\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  },
  mappings: {},
  reads: ['labels'],
  evaluate(namespace, { config }) {
    const name = namespace.namespaceName;
    if (config.podSecurityExemptNamespaces.includes(name)) {
      return notApplicable(`Namespace ${name} is exempt: it is in podSecurityExemptNamespaces`);
    }
    const level = namespace.labels[ENFORCE_LABEL];
    if (level === undefined) {
      return fail(
        `Namespace ${name} has no ${ENFORCE_LABEL} label: Pod Security Admission admits any pod (the cluster's default level, privileged on EKS)`,
      );
    }
    if (level === 'privileged') {
      return fail(`Namespace ${name} has ${ENFORCE_LABEL}=privileged: Pod Security Admission admits any pod`);
    }
    if (ENFORCING.includes(level)) {
      return pass(`Namespace ${name} enforces the ${level} Pod Security Standard at ${version(namespace)}`);
    }
    const shown = level.length > MAX_LABEL_VALUE ? `${level.slice(0, MAX_LABEL_VALUE)}…` : level;
    return pass(
      `Namespace ${name} has ${ENFORCE_LABEL}=${shown}, which is not a level (${LEVELS.join(', ')}): Pod Security Admission enforces restricted for a value it cannot parse; write the level you mean`,
    );
  },
});
