import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { minutesBetween, RESULT_STATUSES, WAITING_STATUSES } from './image-scan.js';

export const ecrImageScanComplete = defineCheck({
  id: 'ecr-image-scan-complete',
  title: 'ECR images have a completed vulnerability scan',
  resourceType: 'ecr-image',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'An image whose scan failed, is unsupported, expired or never produced a result has unknown vulnerabilities: the vulnerability checks cannot judge it, so it can be deployed without anyone knowing what it contains.',
  remediation: {
    text: 'Start a scan of the image (basic scanning), or make sure enhanced scanning covers the repository and the image is within the scan duration; rebuild images on an unsupported base image with a supported one.',
    cli: 'aws ecr start-image-scan --repository-name <repository> --image-id imageDigest=<digest>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "ENHANCED"\n  rule {\n    scan_frequency = "CONTINUOUS_SCAN"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-troubleshooting.html',
  },
  mappings: { prowler: ['ecr_repositories_scan_vulnerabilities_in_latest_image'] },
  reads: ['scan', 'pushedAt'],
  evaluate(image, { config, now }) {
    const status = image.scan?.status;
    if (status !== undefined && RESULT_STATUSES.has(status)) {
      return pass(`Image ${image.name} has scan status ${status}`);
    }
    if (status === 'IMAGE_ARCHIVED') {
      return notApplicable(`Image ${image.name} is archived; ECR does not scan archived images`);
    }
    if (status !== undefined && !WAITING_STATUSES.has(status)) {
      const description = image.scan?.description ? ` (${image.scan.description})` : '';
      return fail(`Image ${image.name} has scan status ${status}${description}`);
    }
    const state = status === undefined ? 'no scan result' : `scan status ${status}`;
    const grace = config.scanGraceMinutes;
    if (image.pushedAt === undefined) {
      return fail(
        `Image ${image.name} has ${state} and no push time to allow scanGraceMinutes=${grace} from`,
      );
    }
    const minutes = minutesBetween(image.pushedAt, now);
    if (now.getTime() - image.pushedAt.getTime() <= grace * 60_000) {
      return notApplicable(
        `Image ${image.name} was pushed ${minutes} minute(s) ago and has ${state}; a result is expected within scanGraceMinutes=${grace}`,
      );
    }
    return fail(`Image ${image.name} has ${state} ${minutes} minutes after push (scanGraceMinutes=${grace})`);
  },
});
