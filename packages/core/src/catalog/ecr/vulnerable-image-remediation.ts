import type { CheckMappings, Remediation } from '../../check/define-check.js';

/** How to fix an image with too many vulnerabilities: shared by the critical and high checks. */
export const VULNERABLE_IMAGE_REMEDIATION: Remediation = {
  text: 'Review the findings (aws ecr describe-image-scan-findings), rebuild the image on a patched base image with updated packages, push and redeploy it, then delete the vulnerable image so it can no longer be pulled.',
  cli: 'aws ecr batch-delete-image --repository-name <repository> --image-ids imageDigest=<digest>',
  iac: {
    format: 'terraform',
    snippet:
      'resource "aws_ecr_lifecycle_policy" "keep_recent" {\n  repository = "<repository>"\n  policy = jsonencode({\n    rules = [{\n      rulePriority = 1\n      description  = "Keep only the 10 newest images, so superseded vulnerable builds expire"\n      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 10 }\n      action       = { type = "expire" }\n    }]\n  })\n}',
  },
  url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
};

/** The anchors of the vulnerability-count checks. */
export const VULNERABILITY_MAPPINGS: CheckMappings = {
  prowler: ['ecr_repositories_scan_vulnerabilities_in_latest_image', 'inspector2_active_findings_exist'],
};
