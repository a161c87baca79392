import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

/** A registry host as written in a rule or the allowlist: lower case, without scheme or trailing slash. */
function normaliseRegistryUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '');
}

export const ecrRegistryPullThroughAllowlist = defineCheck({
  id: 'ecr-registry-pull-through-allowlist',
  title: 'ECR pull-through cache rules only pull from allowed upstream registries',
  resourceType: 'ecr-registry',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'A pull-through cache rule lets anyone who can pull from the registry import any image of the upstream registry; an upstream outside the approved list brings unvetted, possibly malicious images into the account under a trusted ECR name.',
  remediation: {
    text: 'Delete pull-through cache rules whose upstream registry is not approved, or add the upstream to pullThroughAllowlist after review.',
    cli: 'aws ecr delete-pull-through-cache-rule --ecr-repository-prefix <prefix>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_pull_through_cache_rule" "k8s" {\n  ecr_repository_prefix = "k8s"\n  upstream_registry_url = "registry.k8s.io"\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html',
  },
  mappings: { cisEks: ['5.1.4'] },
  reads: ['pullThroughCacheRules'],
  evaluate(registry, { config }) {
    const rules = registry.pullThroughCacheRules;
    if (rules.length === 0) return notApplicable(`Registry ${registry.name} has no pull-through cache rules`);
    const allowed = new Set(config.pullThroughAllowlist.map(normaliseRegistryUrl));
    const offending = rules.filter((rule) => !allowed.has(normaliseRegistryUrl(rule.upstreamRegistryUrl)));
    if (offending.length === 0) {
      return pass(
        `Registry ${registry.name}: all ${rules.length} pull-through cache rule(s) use allowed upstreams`,
      );
    }
    const listed = offending
      .map((rule) => `${rule.ecrRepositoryPrefix} -> ${rule.upstreamRegistryUrl}`)
      .join(', ');
    return fail(
      `Registry ${registry.name} pulls through from upstreams outside pullThroughAllowlist: ${listed}`,
    );
  },
});
