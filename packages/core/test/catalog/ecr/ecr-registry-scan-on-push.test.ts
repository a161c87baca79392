import { describe, expect, it } from 'vitest';
import { ecrRegistryScanOnPush as check } from '../../../src/catalog/ecr/ecr-registry-scan-on-push.js';
import { ecrRegistry } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const wildcard = [{ filter: '*', filterType: 'WILDCARD' }];

describe('ecr-registry-scan-on-push', () => {
  it('passes with a SCAN_ON_PUSH rule on the wildcard filter (basic scanning)', () => {
    // Prepare
    const registry = ecrRegistry({
      scanType: 'BASIC',
      scanningRules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: wildcard }],
    });
    // Act
    const outcome = runCheck(check, registry);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Registry 111122223333 scans every repository with SCAN_ON_PUSH',
    });
  });

  it('passes with a CONTINUOUS_SCAN rule on the wildcard among other rules', () => {
    const registry = ecrRegistry({
      scanningRules: [
        { scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] },
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: 'team-*', filterType: 'WILDCARD' }, ...wildcard],
        },
      ],
    });
    expect(runCheck(check, registry).status).toBe('PASS');
  });

  it('fails when the registry has no scanning rules', () => {
    const outcome = runCheck(check, ecrRegistry({ scanType: 'BASIC', scanningRules: [] }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Registry 111122223333 has no SCAN_ON_PUSH or CONTINUOUS_SCAN rule with filter "*" (rules: none)',
    });
  });

  it('fails when the wildcard rule is MANUAL, naming the rules', () => {
    const registry = ecrRegistry({
      scanType: 'BASIC',
      scanningRules: [{ scanFrequency: 'MANUAL', repositoryFilters: wildcard }],
    });
    const outcome = runCheck(check, registry);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('rules: MANUAL on *');
  });

  it('fails when automated rules only cover some repositories', () => {
    const registry = ecrRegistry({
      scanningRules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }],
        },
      ],
    });
    const outcome = runCheck(check, registry);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('CONTINUOUS_SCAN on prod-*');
  });
});
