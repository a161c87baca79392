import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { accountOfPrincipal, allowsAnyAction, asArray, principalValues } from '../../policy/index.js';
import type { PolicyStatement } from '../../types/policy.js';
import { statementLabel } from './policy-support.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/** Operators under which a key must be present and match (negated, IfExists, Null and ForAllValues do not restrict). */
const RESTRICTING_OPERATORS = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'foranyvalue:stringequals',
  'foranyvalue:stringequalsignorecase',
  'foranyvalue:stringlike',
]);

/** The values a statement requires for a condition key; none when the key is absent or not restricting. */
function requiredValues(statement: PolicyStatement, key: string): string[] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, block]) => {
    if (!RESTRICTING_OPERATORS.has(operator.toLowerCase())) return [];
    return Object.entries(block)
      .filter(([name]) => name.toLowerCase() === key)
      .flatMap(([, values]) => asArray(values).map(String))
      .filter((value) => /[^*?]/.test(value));
  });
}

/** Why the statement lets principals outside the trusted accounts assume the role, if it does. */
function untrustedPrincipals(statement: PolicyStatement, trusted: Set<string>): string[] {
  const canAssume = statement.NotAction !== undefined || allowsAnyAction(statement, ASSUME_ACTIONS);
  if (statement.Effect !== 'Allow' || !canAssume) return [];
  const inOrg = requiredValues(statement, 'aws:principalorgid').length > 0;
  const accounts = requiredValues(statement, 'aws:principalaccount');
  const accountPinned = accounts.length > 0 && accounts.every((account) => trusted.has(account));
  const externalId = requiredValues(statement, 'sts:externalid').length > 0;
  const principals =
    statement.NotPrincipal !== undefined ? [{ kind: '*', value: '*' }] : principalValues(statement.Principal);
  return principals.flatMap(function describeUntrusted({ kind, value }) {
    if (value === '*' && (kind === '*' || kind === 'AWS')) {
      return inOrg || accountPinned ? [] : ['principal "*" without an aws:PrincipalOrgID condition'];
    }
    if (kind !== 'AWS') return [];
    const account = accountOfPrincipal(value);
    if (account === undefined || trusted.has(account) || inOrg || externalId) return [];
    const who = value === account ? `account ${account}` : `account ${account} (${value})`;
    return [`${who} without an sts:ExternalId or aws:PrincipalOrgID condition`];
  });
}

/**
 * Only the role's account, `trustedAccounts`, AWS services and federated providers may assume
 * the role, unless a condition pins outsiders (`sts:ExternalId`, `aws:PrincipalOrgID`).
 */
export const iamRoleTrustRestricted = defineCheck({
  id: 'iam-role-trust-restricted',
  title: 'IAM role trust policies do not let everyone or untrusted accounts assume the role',
  resourceType: 'iam-role',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'A trust policy open to "*" or to a foreign account without an external id lets anyone in that scope (including a confused deputy acting for someone else) obtain the role’s credentials and its rights over registries and clusters.',
  remediation: {
    text: 'Name the exact principals that need the role; for a third party add an sts:ExternalId condition, for principals of your organization an aws:PrincipalOrgID condition, or list the account in trustedAccounts if it is yours.',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://restricted-trust-policy.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_iam_role" "vendor" {\n  name = "vendor"\n  assume_role_policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::444455556666:root" }\n      Action    = "sts:AssumeRole"\n      Condition = { StringEquals = { "sts:ExternalId" = var.vendor_external_id } }\n    }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  },
  mappings: { prowler: ['iam_role_cross_service_confused_deputy_prevention'] },
  reads: ['path', 'trustPolicy'],
  evaluate(role, { config }) {
    if (role.path?.startsWith('/aws-service-role/')) {
      return notApplicable(`Role ${role.name} is a service-linked role; AWS manages its trust policy`);
    }
    if (role.trustPolicy === undefined) {
      return fail(`Role ${role.name}: its trust policy is unknown, so open trust cannot be ruled out`);
    }
    const trusted = new Set([role.accountId, ...config.trustedAccounts]);
    const findings = role.trustPolicy.Statement.flatMap((statement, index) =>
      untrustedPrincipals(statement, trusted).map(
        (why) => `${statementLabel(statement, index)} trusts ${why}`,
      ),
    );
    return findings.length > 0
      ? fail(`Role ${role.name}: ${findings.join('; ')}`)
      : pass(
          `Role ${role.name} trusts only its account, trusted accounts, AWS services, federated providers or conditioned principals`,
        );
  },
});
