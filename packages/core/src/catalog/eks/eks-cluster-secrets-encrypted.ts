import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const eksClusterSecretsEncrypted = defineCheck({
  id: 'eks-cluster-secrets-encrypted',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'high',
  rationale:
    'Without envelope encryption under a KMS key you control, Kubernetes secrets in etcd are protected only by the storage layer, with no key policy, rotation or CloudTrail record of who decrypted them.',
  remediation: {
    text: 'Associate an encryption configuration for the secrets resource with a customer managed KMS key (it cannot be removed afterwards).',
    cli: 'aws eks associate-encryption-config --cluster-name <cluster> --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"<kms-key-arn>"}}]\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_cluster" "this" {\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
  },
  mappings: { securityHub: ['EKS.3'], config: ['eks-secrets-encrypted'], cisEks: ['5.3.1'] },
  reads: ['encryptedResources'],
  evaluate(cluster) {
    if (cluster.encryptedResources.includes('secrets')) {
      return pass(`Cluster ${cluster.name} encrypts secrets with a KMS key`);
    }
    const listed = cluster.encryptedResources.length > 0 ? cluster.encryptedResources.join(', ') : 'none';
    return fail(
      `Cluster ${cluster.name} has no encryptionConfig for secrets (encrypted resources: ${listed})`,
    );
  },
});
