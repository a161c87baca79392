import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

/** `major.minor` as numbers (a patch part such as `1.31.2` is ignored); undefined when it is not a version. */
function parseMinorVersion(version: string): [number, number] | undefined {
  const match = /^\s*(\d+)\.(\d+)(?:\.\d+)?\s*$/.exec(version);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2])];
}

function isBelow(version: [number, number], minimum: [number, number]): boolean {
  return version[0] !== minimum[0] ? version[0] < minimum[0] : version[1] < minimum[1];
}

export const eksClusterSupportedVersion = defineCheck({
  id: 'eks-cluster-supported-version',
  title: 'EKS clusters run a supported Kubernetes version',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'Kubernetes versions past standard support stop receiving security patches, so known control-plane and isolation vulnerabilities stay exploitable, and extended support costs more.',
  remediation: {
    text: 'Upgrade the control plane one minor version at a time up to the minimum supported version, then upgrade the nodegroups and add-ons.',
    cli: 'aws eks update-cluster-version --name <cluster> --kubernetes-version 1.31',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_eks_cluster" "this" {\n  version = "1.31"\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html',
  },
  mappings: {
    securityHub: ['EKS.2'],
    config: ['eks-cluster-supported-version'],
    prowler: ['eks_cluster_uses_a_supported_version'],
  },
  reads: ['version'],
  evaluate(cluster, { config }) {
    const minimum = parseMinorVersion(config.eksMinVersion);
    if (cluster.version === undefined) {
      return notApplicable(`Cluster ${cluster.name} reports no Kubernetes version to compare`);
    }
    const version = parseMinorVersion(cluster.version);
    if (!version || !minimum) {
      return notApplicable(
        `Cluster ${cluster.name} version ${cluster.version} cannot be compared with ${config.eksMinVersion} as major.minor`,
      );
    }
    return isBelow(version, minimum)
      ? fail(`Cluster ${cluster.name} runs Kubernetes ${cluster.version}, below ${config.eksMinVersion}`)
      : pass(`Cluster ${cluster.name} runs Kubernetes ${cluster.version} (minimum ${config.eksMinVersion})`);
  },
});
