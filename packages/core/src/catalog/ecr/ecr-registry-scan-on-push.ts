import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import type { EcrScanningRule } from '../../types/resource.js';

/** The frequencies that scan an image without anyone starting the scan by hand. */
const AUTOMATED_FREQUENCIES = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

function coversEveryRepository(rule: EcrScanningRule): boolean {
  return rule.repositoryFilters.some((repositoryFilter) => repositoryFilter.filter === '*');
}

function describeRule(rule: EcrScanningRule): string {
  const filters = rule.repositoryFilters.map((repositoryFilter) => repositoryFilter.filter).join(', ');
  return `${rule.scanFrequency} on ${filters || 'no filter'}`;
}

export const ecrRegistryScanOnPush = defineCheck({
  id: 'ecr-registry-scan-on-push',
  title: 'ECR registries scan every repository on push or continuously',
  resourceType: 'ecr-registry',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'Without a registry scanning rule that covers every repository, images are pushed and deployed without ever being checked for known vulnerabilities, so vulnerable images reach clusters unnoticed.',
  remediation: {
    text: 'Add a registry scanning rule with frequency SCAN_ON_PUSH (basic) or CONTINUOUS_SCAN (enhanced) and the wildcard filter "*". PutRegistryScanningConfiguration replaces every rule, so keep the rules you still need in the list.',
    cli: 'aws ecr put-registry-scanning-configuration --scan-type BASIC --rules \'[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "BASIC"\n  rule {\n    scan_frequency = "SCAN_ON_PUSH"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  mappings: {
    securityHub: ['ECR.1'],
    config: ['ecr-private-image-scanning-enabled'],
    prowler: ['ecr_registry_scan_images_on_push_enabled'],
    cisEks: ['5.1.1'],
  },
  reads: ['scanningRules'],
  evaluate(registry) {
    const covering = registry.scanningRules.find(
      (rule) => AUTOMATED_FREQUENCIES.has(rule.scanFrequency) && coversEveryRepository(rule),
    );
    if (covering) {
      return pass(`Registry ${registry.name} scans every repository with ${covering.scanFrequency}`);
    }
    const rules = registry.scanningRules.map(describeRule).join('; ') || 'none';
    return fail(
      `Registry ${registry.name} has no SCAN_ON_PUSH or CONTINUOUS_SCAN rule with filter "*" (rules: ${rules})`,
    );
  },
});
