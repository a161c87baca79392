import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

const KMS_TYPES = new Set(['KMS', 'KMS_DSSE']);

export const ecrRepositoryCmkEncryption = defineCheck({
  id: 'ecr-repository-cmk-encryption',
  title: 'ECR repositories are encrypted with AWS KMS',
  resourceType: 'ecr-repository',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'With the default AES256 encryption the account cannot control, audit or revoke access to the image layers through a KMS key policy, so anyone granted ECR read access can read every layer with no separate key permission and no CloudTrail record of key use.',
  remediation: {
    text: 'Encryption cannot be changed after a repository is created: create a new repository encrypted with a customer managed KMS key, copy the images into it, and delete the old one.',
    cli: 'aws ecr create-repository --repository-name <new-repository> --image-tag-mutability IMMUTABLE --encryption-configuration encryptionType=KMS,kmsKey=<kms-key-arn>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_repository" "this" {\n  name = "<new-repository>"\n  encryption_configuration {\n    encryption_type = "KMS"\n    kms_key         = aws_kms_key.ecr.arn\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html',
  },
  mappings: { config: ['ecr-repository-cmk-encryption-enabled'] },
  reads: ['encryptionType'],
  evaluate(repository) {
    const type = repository.encryptionType;
    if (type !== undefined && KMS_TYPES.has(type)) {
      return pass(`Repository ${repository.name} is encrypted with encryptionType=${type}`);
    }
    return fail(`Repository ${repository.name} has encryptionType=${type ?? 'AES256 (default)'}`);
  },
});
