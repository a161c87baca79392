import { UsageError } from './errors.js';

/** The EKS access policy that lets Customs read a cluster's Kubernetes API: get, list, watch, no Secrets. */
export const EKS_VIEW_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';

/**
 * The Kubernetes group Customs' access entries put its roles in: AmazonEKSViewPolicy does not cover
 * RBAC objects (`rbac.authorization.k8s.io`), so a ClusterRole bound to this group lets them read those.
 */
export const CUSTOMS_RBAC_GROUP = 'customs-rbac-readers';

/** A ClusterRole that reads RBAC objects, bound to CUSTOMS_RBAC_GROUP (`kubectl apply -f -`). */
const RBAC_READER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: customs-rbac-reader
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles", "clusterrolebindings", "roles", "rolebindings"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: customs-rbac-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: customs-rbac-reader
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: ${CUSTOMS_RBAC_GROUP}`;

/** Whom to grant it, on which clusters; shell variables stand in for what is not given. */
export interface EksAccessOptions {
  clusters: string[];
  principalArns: string[];
  region?: string;
}

// Bounded and anchored, no nested quantifiers: they never backtrack on user input.
const CLUSTER_NAME = /^[0-9A-Za-z][0-9A-Za-z_-]{0,99}$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]{2,12}){1,2}-\d{1,2}$/;

function checked(values: string[], pattern: RegExp, what: string): string[] {
  for (const value of values) {
    if (!pattern.test(value))
      throw new UsageError(`${what} ${JSON.stringify(value.slice(0, 120))} is not valid`);
  }
  return values;
}

/**
 * The AWS CLI commands that grant Customs read access inside EKS clusters: an access entry for each
 * Customs role, and AmazonEKSViewPolicy associated with it at cluster scope. Kubernetes authorizes
 * these reads, not IAM, so the IAM policy alone is not enough.
 * @example eksAccessCommands({ clusters: ['prod'], principalArns: ['arn:aws:iam::111122223333:role/customs-sweep'] })
 */
export function eksAccessCommands(options: EksAccessOptions): string {
  const clusters =
    options.clusters.length > 0 ? checked(options.clusters, CLUSTER_NAME, 'the cluster name') : [];
  const principals = checked(options.principalArns, ROLE_ARN, 'the role ARN');
  if (options.region !== undefined) checked([options.region], REGION, 'the region');
  const region = options.region === undefined ? '' : ` --region ${options.region}`;
  const clusterArgs = clusters.length > 0 ? clusters : ['"$CLUSTER"'];
  const principalArgs = principals.length > 0 ? principals : ['"$CUSTOMS_ROLE_ARN"'];
  const lines = [
    "# Customs reads each EKS cluster's Kubernetes API (namespaces, workloads, pods, ServiceAccounts, RBAC)",
    '# read-only. Kubernetes authorizes those reads, not IAM: give each Customs role (the sweep, the',
    "# sweep-worker and on-k8s-audit functions' roles) an access entry with AmazonEKSViewPolicy at",
    "# cluster scope. It reads no Secrets. The cluster's authentication mode must be API or",
    '# API_AND_CONFIG_MAP (aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP).',
    '# AmazonEKSViewPolicy does not read RBAC objects: each entry also puts the role in the Kubernetes',
    `# group ${CUSTOMS_RBAC_GROUP}, which the ClusterRole at the end lets read them.`,
  ];
  if (clusters.length === 0) lines.push('# Set CLUSTER to the cluster name (or pass --cluster NAME).');
  if (principals.length === 0)
    lines.push('# Set CUSTOMS_ROLE_ARN to a Customs role ARN (or pass --principal-arn ARN).');
  for (const cluster of clusterArgs) {
    for (const principal of principalArgs) {
      lines.push(
        `aws eks create-access-entry --cluster-name ${cluster} --principal-arn ${principal} --type STANDARD \\`,
        `  --kubernetes-groups ${CUSTOMS_RBAC_GROUP}${region}`,
        `aws eks associate-access-policy --cluster-name ${cluster} --principal-arn ${principal} \\`,
        `  --policy-arn ${EKS_VIEW_POLICY_ARN} --access-scope type=cluster${region}`,
      );
    }
  }
  lines.push(
    `# Once per cluster, by someone who may create RBAC objects there (kubectl's context on that cluster):`,
    "kubectl apply -f - <<'YAML'",
    RBAC_READER,
    'YAML',
  );
  return `${lines.join('\n')}\n`;
}
