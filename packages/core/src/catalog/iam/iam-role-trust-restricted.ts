import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { evaluatePolicy, preparePolicy } from '../../policy/index.js';
import type { PolicyCaller, PolicyDocument, PolicyGrant } from '../../types/policy.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/**
 * Is a grant the confused-deputy pattern AWS documents for a third party: an account or ARN the
 * statement names, allowed only when the caller presents a specific `sts:ExternalId`? (With
 * principal `*` an external id restricts no one: whoever learns it can present it.)
 */
function guardedThirdParty(grant: PolicyGrant): boolean {
  return grant.named && grant.conditions.some((key) => key.toLowerCase() === 'sts:externalid');
}

/** Who a grant trusts, for the message. */
function describeTrust(grant: PolicyGrant): string {
  const unrestricting =
    grant.conditions.length > 0
      ? ` (its condition on ${grant.conditions.join(', ')} does not restrict who)`
      : '';
  if (!grant.named) {
    const who =
      grant.principal === 'NotPrincipal' ? 'every principal its NotPrincipal does not name' : 'principal "*"';
    return `${who} without an aws:PrincipalOrgID condition${unrestricting}`;
  }
  const who =
    grant.principal === grant.account
      ? `account ${grant.account}`
      : `account ${grant.account} (${grant.principal})`;
  return `${who} without an sts:ExternalId or aws:PrincipalOrgID condition${unrestricting}`;
}

/** The grants of the assume actions to callers outside the trusted accounts, one per statement and principal. */
function untrustedGrants(trustPolicy: PolicyDocument, outside: PolicyCaller, roleArn: string): PolicyGrant[] {
  const seen = new Set<string>();
  const prepared = preparePolicy(trustPolicy);
  const untrusted: PolicyGrant[] = [];
  for (const action of ASSUME_ACTIONS) {
    for (const grant of evaluatePolicy(prepared, { principal: outside, action, resource: roleArn }).grants) {
      const key = `${grant.statement.index}|${grant.principal}`;
      if (guardedThirdParty(grant) || seen.has(key)) continue;
      seen.add(key);
      untrusted.push(grant);
    }
  }
  return untrusted.sort((a, b) => a.statement.index - b.statement.index);
}

/**
 * Only the role's account, `trustedAccounts`, AWS services and federated providers may assume
 * the role. The question to the evaluator: "can anyone outside the account and `trustedAccounts`
 * perform sts:AssumeRole, sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity, after Deny?";
 * a statement that names a third-party account and requires an `sts:ExternalId` is accepted.
 * `aws:PrincipalOrgID` and `aws:PrincipalAccount` conditions restrict who matches.
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
    const outside: PolicyCaller = {
      kind: 'outside',
      accountId: role.accountId,
      trustedAccounts: config.trustedAccounts,
    };
    const findings = untrustedGrants(role.trustPolicy, outside, role.id).map(
      (grant) => `${grant.statement.label} trusts ${describeTrust(grant)}`,
    );
    return findings.length > 0
      ? fail(`Role ${role.name}: ${findings.join('; ')}`)
      : pass(
          `Role ${role.name} trusts only its account, trusted accounts, AWS services, federated providers or conditioned principals`,
        );
  },
});
