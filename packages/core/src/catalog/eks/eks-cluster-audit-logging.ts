import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { enabledLogTypes } from './enabled-log-types.js';

export const eksClusterAuditLogging = defineCheck({
  id: 'eks-cluster-audit-logging',
  title: 'EKS clusters send Kubernetes audit logs to CloudWatch Logs',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'high',
  rationale:
    'Without the audit log there is no record of who read secrets, exec-ed into pods or changed RBAC, so an intrusion through the Kubernetes API cannot be detected or investigated.',
  remediation: {
    text: 'Enable the audit control plane log type.',
    cli: 'aws eks update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\'',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_eks_cluster" "this" {\n  enabled_cluster_log_types = ["audit"]\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  },
  mappings: { securityHub: ['EKS.8'], config: ['eks-cluster-log-enabled'] },
  reads: ['logging'],
  evaluate(cluster) {
    const enabled = enabledLogTypes(cluster);
    if (enabled.has('audit')) return pass(`Cluster ${cluster.name} has audit logging enabled`);
    const listed = enabled.size > 0 ? [...enabled].join(', ') : 'none';
    return fail(`Cluster ${cluster.name} does not enable the audit log type (enabled log types: ${listed})`);
  },
});
