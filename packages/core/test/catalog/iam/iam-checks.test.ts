import { describe, expect, it } from 'vitest';
import { IAM_CHECKS } from '../../../src/catalog/iam/index.js';
import { CATALOG } from '../../../src/catalog/index.js';

/** CHECKS.md's IAM rows: id, resource type, severity and anchors. */
const EXPECTED = [
  ['iam-policy-no-admin', 'iam-policy', 'critical'],
  ['iam-policy-no-container-wildcard', 'iam-policy', 'high'],
  ['iam-user-mfa-enabled', 'iam-user', 'high'],
  ['iam-user-access-keys-rotated', 'iam-user', 'medium'],
  ['iam-user-credentials-used', 'iam-user', 'medium'],
  ['iam-user-no-direct-policies', 'iam-user', 'low'],
  ['iam-role-trust-restricted', 'iam-role', 'high'],
  ['iam-account-root-no-access-keys', 'iam-account', 'critical'],
  ['iam-account-root-mfa', 'iam-account', 'critical'],
] as const;

describe('IAM_CHECKS', () => {
  it('holds every IAM check of CHECKS.md with its resource type, severity and CSA-5, and the catalog has them', () => {
    const actual = IAM_CHECKS.map((check) => [check.id, check.resourceType, check.severity]);
    expect(actual).toEqual(EXPECTED.map((row) => [...row]));
    expect(IAM_CHECKS.every((check) => check.recommendation === 'CSA-5')).toBe(true);
    expect(EXPECTED.every(([id]) => CATALOG.has(id))).toBe(true);
  });

  it('maps to the anchors CHECKS.md names', () => {
    const mappings = Object.fromEntries(IAM_CHECKS.map((check) => [check.id, check.mappings]));
    expect(mappings).toEqual({
      'iam-policy-no-admin': {
        securityHub: ['IAM.1'],
        config: ['iam-policy-no-statements-with-admin-access'],
        prowler: [
          'iam_customer_attached_policy_no_administrative_privileges',
          'iam_inline_policy_no_administrative_privileges',
        ],
      },
      'iam-policy-no-container-wildcard': { cisEks: ['5.1.2'] },
      'iam-user-mfa-enabled': { securityHub: ['IAM.5'], prowler: ['iam_user_mfa_enabled_console_access'] },
      'iam-user-access-keys-rotated': { securityHub: ['IAM.3'], config: ['access-keys-rotated'] },
      'iam-user-credentials-used': { securityHub: ['IAM.8', 'IAM.22'] },
      'iam-user-no-direct-policies': { securityHub: ['IAM.2'] },
      'iam-role-trust-restricted': { prowler: ['iam_role_cross_service_confused_deputy_prevention'] },
      'iam-account-root-no-access-keys': { securityHub: ['IAM.4'] },
      'iam-account-root-mfa': { securityHub: ['IAM.9'] },
    });
  });

  it('gives every check an aws iam remediation command', () => {
    expect(
      IAM_CHECKS.filter((check) => !check.remediation.cli.startsWith('aws iam ')).map((c) => c.id),
    ).toEqual([]);
  });
});
