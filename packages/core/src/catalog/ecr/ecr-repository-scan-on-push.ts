import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import type { EcrRepository } from '../../types/resource.js';

const AUTOMATED_FREQUENCIES = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

/**
 * The repository's effective scan frequency: BatchGetRepositoryScanningConfiguration's when it was
 * read, else the legacy `imageScanningConfiguration.scanOnPush`; undefined when neither says.
 */
function effectiveFrequency(repository: EcrRepository): { frequency?: string; source: string } {
  if (repository.scanFrequency !== undefined) {
    return { frequency: repository.scanFrequency, source: 'scanFrequency' };
  }
  if (repository.scanOnPush === true) return { frequency: 'SCAN_ON_PUSH', source: 'scanOnPush=true' };
  if (repository.scanOnPush === false) return { frequency: 'MANUAL', source: 'scanOnPush=false' };
  return { source: 'no scanning configuration' };
}

export const ecrRepositoryScanOnPush = defineCheck({
  id: 'ecr-repository-scan-on-push',
  title: 'ECR repositories scan images on push or continuously',
  resourceType: 'ecr-repository',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'Images pushed to a repository whose effective scan frequency is MANUAL are never checked for known vulnerabilities unless someone starts a scan, so vulnerable images can be deployed without any finding.',
  remediation: {
    text: 'Cover the repository with a registry scanning rule whose frequency is SCAN_ON_PUSH or CONTINUOUS_SCAN. PutRegistryScanningConfiguration replaces every rule: merge this filter into the rules you keep (aws ecr get-registry-scanning-configuration).',
    cli: 'aws ecr put-registry-scanning-configuration --scan-type BASIC --rules \'[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"<repository>","filterType":"WILDCARD"}]}]\'',
    iac: {
      format: 'cloudformation',
      snippet:
        'RegistryScanning:\n  Type: AWS::ECR::RegistryScanningConfiguration\n  Properties:\n    ScanType: BASIC\n    Rules:\n      - ScanFrequency: SCAN_ON_PUSH\n        RepositoryFilters:\n          - Filter: <repository>\n            FilterType: WILDCARD',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  mappings: { prowler: ['ecr_repositories_scan_images_on_push_enabled'] },
  reads: ['scanFrequency', 'scanOnPush'],
  evaluate(repository) {
    const { frequency, source } = effectiveFrequency(repository);
    if (frequency !== undefined && AUTOMATED_FREQUENCIES.has(frequency)) {
      return pass(`Repository ${repository.name} scans images with ${frequency} (${source})`);
    }
    if (frequency === undefined) {
      return fail(
        `Repository ${repository.name} has no scan frequency (${source}), so images are not scanned`,
      );
    }
    return fail(`Repository ${repository.name} has scan frequency ${frequency} (${source})`);
  },
});
