import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { Taint } from '../../types/resource.js';

/** Taint effects that keep pods without a matching toleration off a node. */
const REPELLING_EFFECTS = ['NO_SCHEDULE', 'NO_EXECUTE'];

function repelsOthers(taints: Taint[], key: string, value: string): boolean {
  return taints.some(
    (taint) => taint.key === key && taint.value === value && REPELLING_EFFECTS.includes(taint.effect),
  );
}

export const eksClusterSecurityContextsSegregated = defineCheck({
  id: 'eks-cluster-security-contexts-segregated',
  title: 'EKS clusters taint each security-context nodegroup so contexts never share a VM',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-2',
  severity: 'high',
  rationale:
    'A label only attracts pods; without a NoSchedule or NoExecute taint on the same key and value, pods of another security context can still be scheduled onto the nodegroup and share its VMs and kernel.',
  remediation: {
    text: 'Taint every labelled nodegroup with its security context (key = the isolation label key, value = the context, effect NO_SCHEDULE) and give each workload the matching toleration and node affinity.',
    cli: "aws eks update-nodegroup-config --cluster-name <cluster> --nodegroup-name <nodegroup> --taints 'addOrUpdateTaints=[{key=customs.io/security-context,value=<context>,effect=NO_SCHEDULE}]'",
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_node_group" "this" {\n  labels = {\n    "customs.io/security-context" = "<context>"\n  }\n\n  taint {\n    key    = "customs.io/security-context"\n    value  = "<context>"\n    effect = "NO_SCHEDULE"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/node-taints-managed-node-groups.html',
  },
  mappings: {},
  reads: ['nodegroups'],
  evaluate(cluster, { config }) {
    const key = config.isolationLabelKey;
    const labelled = cluster.nodegroups.flatMap(function withContext(nodegroup) {
      const context = nodegroup.labels[key];
      return context === undefined ? [] : [{ nodegroup, context }];
    });
    const contexts = [...new Set(labelled.map((entry) => entry.context))];
    if (contexts.length < 2) {
      const found = contexts.length === 1 ? `only ${key}=${contexts[0]}` : `no ${key} label`;
      return notApplicable(
        `Cluster ${cluster.name} has fewer than two security contexts among its ${cluster.nodegroups.length} nodegroup(s) (${found})`,
      );
    }
    const untainted = labelled.filter(
      ({ nodegroup, context }) => !repelsOthers(nodegroup.taints, key, context),
    );
    if (untainted.length > 0) {
      const offenders = untainted.map(({ nodegroup, context }) => `${nodegroup.name} (${key}=${context})`);
      return fail(
        `Cluster ${cluster.name} mixes ${contexts.length} security contexts but nodegroup(s) ${offenders.join(', ')} lack a NO_SCHEDULE or NO_EXECUTE taint with that key and value`,
      );
    }
    return pass(
      `Cluster ${cluster.name} taints every nodegroup of its ${contexts.length} security contexts (${contexts.join(', ')})`,
    );
  },
});
