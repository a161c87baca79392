import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { CONTROL_PLANE_LOG_TYPES, enabledLogTypes } from './enabled-log-types.js';

export const eksClusterAllControlPlaneLogs = defineCheck({
  id: 'eks-cluster-all-control-plane-logs',
  title: 'EKS clusters enable every control plane log type',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    'Each control plane log answers a different question (API calls, audit, IAM authentication, controller and scheduler decisions); a missing one leaves a blind spot when tracing an attack or a misbehaving scheduler.',
  remediation: {
    text: 'Enable the api, audit, authenticator, controllerManager and scheduler log types.',
    cli: 'aws eks update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_cluster" "this" {\n  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  },
  mappings: { prowler: ['eks_control_plane_logging_all_types_enabled'], cisEks: ['2.1.1'] },
  reads: ['logging'],
  evaluate(cluster) {
    const enabled = enabledLogTypes(cluster);
    const missing = CONTROL_PLANE_LOG_TYPES.filter((type) => !enabled.has(type));
    return missing.length > 0
      ? fail(`Cluster ${cluster.name} does not enable control plane log type(s) ${missing.join(', ')}`)
      : pass(`Cluster ${cluster.name} enables all control plane log types`);
  },
});
