import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/**
 * The root user has MFA (`AccountMFAEnabled` = 1). State that could not be read is ERROR
 * (through `reads`); a value the sources did not give fails closed, saying it is unknown.
 */
export const iamAccountRootMfa = defineCheck({
  id: 'iam-account-root-mfa',
  title: 'The AWS account root user has MFA enabled',
  resourceType: 'iam-account',
  recommendation: 'CSA-5',
  severity: 'critical',
  rationale:
    'The root user can do anything in the account, including closing it and changing its contact details; protected by a password alone, one phished or reused password hands over every registry, cluster and identity.',
  remediation: {
    text: 'Sign in as the root user and assign an MFA device (a FIDO security key preferably) under Security credentials; AWS allows this only in the console, not through the CLI or API. Then confirm with the command below that AccountMFAEnabled is 1. In member accounts of an organization, an SCP can deny root actions without MFA meanwhile.',
    cli: 'aws iam get-account-summary --query SummaryMap.AccountMFAEnabled',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_organizations_policy" "deny_root_without_mfa" {\n  name = "deny-root-without-mfa"\n  type = "SERVICE_CONTROL_POLICY"\n  content = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{\n      Effect    = "Deny"\n      Action    = "*"\n      Resource  = "*"\n      Condition = {\n        StringLike   = { "aws:PrincipalArn" = "arn:aws:iam::*:root" }\n        BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" }\n      }\n    }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html',
  },
  mappings: { securityHub: ['IAM.9'] },
  reads: ['rootMfaEnabled'],
  evaluate(account) {
    if (account.rootMfaEnabled === true) {
      return pass(`Account ${account.accountId}: the root user has MFA enabled`);
    }
    return account.rootMfaEnabled === false
      ? fail(`Account ${account.accountId}: the root user has no MFA (AccountMFAEnabled = 0)`)
      : fail(`Account ${account.accountId}: whether the root user has MFA is unknown`);
  },
});
