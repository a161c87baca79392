import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/** Settings under which a pushed tag cannot be moved to another image. */
const IMMUTABLE_SETTINGS = new Set(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION']);

export const ecrRepositoryTagImmutability = defineCheck({
  id: 'ecr-repository-tag-immutability',
  title: 'ECR repositories have image tag immutability enabled',
  resourceType: 'ecr-repository',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'With mutable tags anyone who can push can move a tag such as v1.2 or prod to a different image, so a deployment that references the tag silently runs an image that was never reviewed or scanned.',
  remediation: {
    text: 'Set the repository to IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION for the few tags that must move) and deploy by digest or immutable tag.',
    cli: 'aws ecr put-image-tag-mutability --repository-name <repository> --image-tag-mutability IMMUTABLE',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_repository" "this" {\n  name                 = "<repository>"\n  image_tag_mutability = "IMMUTABLE"\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  },
  mappings: {
    securityHub: ['ECR.2'],
    config: ['ecr-private-tag-immutability-enabled'],
    prowler: ['ecr_repositories_tag_immutability'],
  },
  reads: ['imageTagMutability'],
  evaluate(repository) {
    const setting = repository.imageTagMutability;
    if (setting !== undefined && IMMUTABLE_SETTINGS.has(setting)) {
      return pass(`Repository ${repository.name} has imageTagMutability=${setting}`);
    }
    return fail(`Repository ${repository.name} has imageTagMutability=${setting ?? 'MUTABLE (default)'}`);
  },
});
