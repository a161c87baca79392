import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { scanCounts } from './image-scan.js';

export const ecrImageNoHighVulnerabilities = defineCheck({
  id: 'ecr-image-no-high-vulnerabilities',
  title: 'ECR images have no more high-severity vulnerabilities than allowed',
  resourceType: 'ecr-image',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'High-severity vulnerabilities allow privilege escalation, data exposure or remote code execution under common conditions; every container started from such an image carries them into the cluster.',
  remediation: {
    text: 'Review the findings (aws ecr describe-image-scan-findings), rebuild the image on a patched base image with updated packages, push and redeploy it, then delete the vulnerable image so it can no longer be pulled.',
    cli: 'aws ecr batch-delete-image --repository-name <repository> --image-ids imageDigest=<digest>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_lifecycle_policy" "keep_recent" {\n  repository = "<repository>"\n  policy = jsonencode({\n    rules = [{\n      rulePriority = 1\n      description  = "Keep only the 10 newest images, so superseded vulnerable builds expire"\n      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 10 }\n      action       = { type = "expire" }\n    }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  mappings: {
    prowler: ['ecr_repositories_scan_vulnerabilities_in_latest_image', 'inspector2_active_findings_exist'],
  },
  reads: ['scan'],
  evaluate(image, { config }) {
    const result = scanCounts(image);
    if ('reason' in result) return notApplicable(result.reason);
    const high = result.counts.HIGH ?? 0;
    if (high > config.maxHigh) {
      return fail(`Image ${image.name} has ${high} HIGH finding(s), above maxHigh=${config.maxHigh}`);
    }
    return pass(`Image ${image.name} has ${high} HIGH finding(s) (maxHigh=${config.maxHigh})`);
  },
});
