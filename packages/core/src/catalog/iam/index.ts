import type { AnyCheck } from '../../check/define-check.js';
import { iamAccountRootMfa } from './iam-account-root-mfa.js';
import { iamAccountRootNoAccessKeys } from './iam-account-root-no-access-keys.js';
import { iamPolicyNoAdmin } from './iam-policy-no-admin.js';
import { iamPolicyNoContainerWildcard } from './iam-policy-no-container-wildcard.js';
import { iamRoleTrustRestricted } from './iam-role-trust-restricted.js';
import { iamUserAccessKeysRotated } from './iam-user-access-keys-rotated.js';
import { iamUserCredentialsUsed } from './iam-user-credentials-used.js';
import { iamUserMfaEnabled } from './iam-user-mfa-enabled.js';
import { iamUserNoDirectPolicies } from './iam-user-no-direct-policies.js';

/**
 * The IAM checks (users, roles, policies, the account), in CHECKS.md order.
 *
 * Unknown state, the same in every IAM check: a property the collector could not read is listed in
 * the resource's `unreadable` and, because each check names it in `reads`, the finding is ERROR.
 * A value left undefined by the sources never yields PASS or NOT_APPLICABLE: the check fails
 * closed and its message says the value is unknown.
 */
export const IAM_CHECKS: AnyCheck[] = [
  iamPolicyNoAdmin,
  iamPolicyNoContainerWildcard,
  iamUserMfaEnabled,
  iamUserAccessKeysRotated,
  iamUserCredentialsUsed,
  iamUserNoDirectPolicies,
  iamRoleTrustRestricted,
  iamAccountRootNoAccessKeys,
  iamAccountRootMfa,
];
