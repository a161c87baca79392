import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { scanCounts } from './image-scan.js';
import { VULNERABILITY_MAPPINGS, VULNERABLE_IMAGE_REMEDIATION } from './vulnerable-image-remediation.js';

export const ecrImageNoHighVulnerabilities = defineCheck({
  id: 'ecr-image-no-high-vulnerabilities',
  title: 'ECR images have no more high-severity vulnerabilities than allowed',
  resourceType: 'ecr-image',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'High-severity vulnerabilities allow privilege escalation, data exposure or remote code execution under common conditions; every container started from such an image carries them into the cluster.',
  remediation: VULNERABLE_IMAGE_REMEDIATION,
  mappings: VULNERABILITY_MAPPINGS,
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
