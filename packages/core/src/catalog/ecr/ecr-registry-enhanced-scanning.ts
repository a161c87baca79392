import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const ecrRegistryEnhancedScanning = defineCheck({
  id: 'ecr-registry-enhanced-scanning',
  title: 'ECR registries use enhanced scanning (Amazon Inspector)',
  resourceType: 'ecr-registry',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'Basic scanning only looks at operating-system packages once, at push; without enhanced scanning, vulnerabilities in language packages and CVEs published after the push are never reported for images already in the registry.',
  remediation: {
    text: 'Switch the registry to ENHANCED scanning with a continuous-scan rule for every repository (Amazon Inspector must be enabled for ECR in the account).',
    cli: 'aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "ENHANCED"\n  rule {\n    scan_frequency = "CONTINUOUS_SCAN"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-enhanced.html',
  },
  mappings: { prowler: ['ecr_registry_enhanced_scanning_enabled'] },
  reads: ['scanType'],
  evaluate(registry) {
    if (registry.scanType === 'ENHANCED') return pass(`Registry ${registry.name} uses ENHANCED scanning`);
    if (registry.scanType === undefined) {
      return fail(`Registry ${registry.name} has no recorded scan type (scanning configuration absent)`);
    }
    return fail(`Registry ${registry.name} has scanType=${registry.scanType}`);
  },
});
