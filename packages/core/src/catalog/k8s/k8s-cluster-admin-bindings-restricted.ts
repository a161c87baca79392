import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import type { K8sBinding, K8sCluster, K8sPolicyRule, K8sRole, K8sSubject } from '../../types/kubernetes.js';
import { listed } from './pod-template.js';

/** The built-in ClusterRole that may do anything on any resource. */
const CLUSTER_ADMIN = 'cluster-admin';

/**
 * `system:` names that are not one component's identity but a crowd: every caller, every
 * anonymous one, every service account (of the cluster or of a namespace). Binding full control to
 * them is never a built-in, so they are judged like any other subject.
 */
const CROWDS = [
  'system:authenticated',
  'system:unauthenticated',
  'system:anonymous',
  'system:serviceaccounts',
];
const NAMESPACE_SERVICE_ACCOUNTS = 'system:serviceaccounts:';

/** The most bindings a message names before it says how many more there are. */
const MAX_BINDINGS = 10;

/**
 * A rule that grants every verb on every resource of its API groups (`verbs` and `resources`
 * both hold `*`, not narrowed by `resourceNames`): with the core group alone that is every secret,
 * pod and service account, as good as cluster-admin.
 */
function wildcardRule(rule: K8sPolicyRule): boolean {
  return rule.verbs.includes('*') && rule.resources.includes('*') && rule.resourceNames.length === 0;
}

function wildcardWords(rule: K8sPolicyRule): string {
  const groups = rule.apiGroups.map((group) => (group === '' ? 'core' : group));
  return `verbs * on resources * of API groups ${listed(groups)}`;
}

function subjectLabel(subject: K8sSubject): string {
  return subject.kind === 'ServiceAccount'
    ? `ServiceAccount ${subject.namespace ?? '(no namespace)'}/${subject.name}`
    : `${subject.kind} ${subject.name}`;
}

/**
 * Whether a subject may hold full control without a finding: a built-in `system:` identity (not a
 * crowd), or named in `clusterAdminAllowlist` by its name or, for a service account, by its
 * Kubernetes user name `system:serviceaccount:<namespace>:<name>`.
 */
function allowed(subject: K8sSubject, allowlist: string[]): boolean {
  const name = subject.name;
  const crowd = CROWDS.includes(name) || name.startsWith(NAMESPACE_SERVICE_ACCOUNTS);
  if (name.startsWith('system:') && !crowd) return true;
  if (allowlist.includes(name)) return true;
  return (
    subject.kind === 'ServiceAccount' &&
    allowlist.includes(`system:serviceaccount:${subject.namespace ?? ''}:${name}`)
  );
}

/** What of the binding's role grants full control (`cluster-admin`, or a wildcard rule), if anything. */
function fullControl(binding: K8sBinding, roles: Map<string, K8sRole>): string | undefined {
  const { kind, name } = binding.roleRef;
  if (kind === 'ClusterRole' && name === CLUSTER_ADMIN) return CLUSTER_ADMIN;
  const key = kind === 'Role' ? `Role/${binding.namespace ?? ''}/${name}` : `${kind}//${name}`;
  const rule = roles.get(key)?.rules.find(wildcardRule);
  if (!rule) return undefined;
  const role = kind === 'Role' ? `Role ${binding.namespace}/${name}` : `${kind} ${name}`;
  return `${role}: ${wildcardWords(rule)}`;
}

function roleIndex(cluster: K8sCluster): Map<string, K8sRole> {
  const index = new Map<string, K8sRole>();
  for (const role of cluster.clusterRoles) index.set(`ClusterRole//${role.name}`, role);
  for (const role of cluster.roles) index.set(`Role/${role.namespace ?? ''}/${role.name}`, role);
  return index;
}

export const k8sClusterAdminBindingsRestricted = defineCheck({
  id: 'k8s-cluster-admin-bindings-restricted',
  title: 'Kubernetes RBAC binds cluster-admin or wildcard roles only to built-in or allowlisted subjects',
  resourceType: 'k8s-cluster',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'cluster-admin, or any role granting every verb on every resource, lets its holder read every secret, run any pod on any node and grant itself anything else: each user, group or service account bound to it beyond the built-in system identities and a short approved list widens who can take over the cluster, and a compromised service account token becomes the whole cluster.',
  remediation: {
    text: 'Delete the binding, or bind the subject to a role that grants only what it needs (for example the built-in edit or view ClusterRole in a RoleBinding of its namespace), or add the subject to clusterAdminAllowlist if it is an approved administrator.',
    cli: 'kubectl delete clusterrolebinding <binding>',
    iac: {
      format: 'kubernetes',
      snippet:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: <team>-edit\n  namespace: <namespace>\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: <team>',
    },
    url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  },
  mappings: {
    prowler: ['rbac_cluster_admin_usage', 'rbac_minimize_wildcard_use_roles'],
    cisEks: ['4.1.1'],
  },
  reads: ['clusterRoleBindings', 'roleBindings', 'clusterRoles', 'roles'],
  evaluate(cluster, { config }) {
    const roles = roleIndex(cluster);
    const bindings = [...cluster.clusterRoleBindings, ...cluster.roleBindings];
    const offending: string[] = [];
    let granting = 0;
    for (const binding of bindings) {
      const grant = fullControl(binding, roles);
      if (!grant) continue;
      granting += 1;
      const outsiders = binding.subjects.filter((subject) => !allowed(subject, config.clusterAdminAllowlist));
      if (outsiders.length === 0) continue;
      const where =
        binding.namespace === undefined ? 'ClusterRoleBinding' : `RoleBinding ${binding.namespace}/`;
      const name = binding.namespace === undefined ? ` ${binding.name}` : binding.name;
      offending.push(`${where}${name} (${grant}) to ${listed(outsiders.map(subjectLabel))}`);
    }
    if (offending.length > 0) {
      const more =
        offending.length > MAX_BINDINGS ? `; and ${offending.length - MAX_BINDINGS} more binding(s)` : '';
      return fail(
        `Cluster ${cluster.clusterName} grants full control to subjects that are neither built-in nor in clusterAdminAllowlist: ${offending.slice(0, MAX_BINDINGS).join('; ')}${more}`,
      );
    }
    return pass(
      `Cluster ${cluster.clusterName} grants full control (cluster-admin, or verbs * on resources *) only to built-in system subjects or clusterAdminAllowlist: ${granting} of its ${bindings.length} binding(s) grant it`,
    );
  },
});
