import { describe, expect, it } from 'vitest';
import { ecrRegistryPullThroughAllowlist as check } from '../../../src/catalog/ecr/ecr-registry-pull-through-allowlist.js';
import { ecrRegistry } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecr-registry-pull-through-allowlist', () => {
  it('is not applicable without pull-through cache rules', () => {
    expect(runCheck(check, ecrRegistry({ pullThroughCacheRules: [] }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Registry 111122223333 has no pull-through cache rules',
    });
  });

  it('passes when every upstream is in the default allowlist', () => {
    const registry = ecrRegistry({
      pullThroughCacheRules: [
        { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' },
        { ecrRepositoryPrefix: 'k8s', upstreamRegistryUrl: 'registry.k8s.io' },
      ],
    });
    expect(runCheck(check, registry).status).toBe('PASS');
  });

  it('fails on an upstream outside the allowlist, naming the rule and upstream', () => {
    // Prepare
    const registry = ecrRegistry({
      pullThroughCacheRules: [
        { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' },
        { ecrRepositoryPrefix: 'docker-hub', upstreamRegistryUrl: 'registry-1.docker.io' },
      ],
    });
    // Act
    const outcome = runCheck(check, registry);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Registry 111122223333 pulls through from upstreams outside pullThroughAllowlist: docker-hub -> registry-1.docker.io',
    });
  });

  it('reads the allowlist from the configuration', () => {
    const registry = ecrRegistry({
      pullThroughCacheRules: [{ ecrRepositoryPrefix: 'ghcr', upstreamRegistryUrl: 'ghcr.io' }],
    });
    expect(runCheck(check, registry).status).toBe('FAIL');
    expect(runCheck(check, registry, { pullThroughAllowlist: ['ghcr.io'] }).status).toBe('PASS');
    expect(runCheck(check, registry, { pullThroughAllowlist: [] }).status).toBe('FAIL');
  });

  it('compares registry hosts without scheme, trailing slash or case', () => {
    const registry = ecrRegistry({
      pullThroughCacheRules: [{ ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'Quay.io' }],
    });
    expect(runCheck(check, registry, { pullThroughAllowlist: ['https://quay.io/'] }).status).toBe('PASS');
  });
});
