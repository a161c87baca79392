import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { scanCounts } from './image-scan.js';
import { VULNERABILITY_MAPPINGS, VULNERABLE_IMAGE_REMEDIATION } from './vulnerable-image-remediation.js';

export const ecrImageNoCriticalVulnerabilities = defineCheck({
  id: 'ecr-image-no-critical-vulnerabilities',
  title: 'ECR images have no more critical vulnerabilities than allowed',
  resourceType: 'ecr-image',
  recommendation: 'CSA-3',
  severity: 'critical',
  rationale:
    'Critical vulnerabilities are typically remotely exploitable with public exploits; a container started from such an image gives an attacker a foothold in the cluster.',
  remediation: VULNERABLE_IMAGE_REMEDIATION,
  mappings: VULNERABILITY_MAPPINGS,
  reads: ['scan'],
  evaluate(image, { config }) {
    const result = scanCounts(image);
    if ('reason' in result) return notApplicable(result.reason);
    const critical = result.counts.CRITICAL ?? 0;
    if (critical > config.maxCritical) {
      return fail(
        `Image ${image.name} has ${critical} CRITICAL finding(s), above maxCritical=${config.maxCritical}`,
      );
    }
    return pass(
      `Image ${image.name} has ${critical} CRITICAL finding(s) (maxCritical=${config.maxCritical})`,
    );
  },
});
