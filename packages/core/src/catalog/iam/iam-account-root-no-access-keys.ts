import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/**
 * The root user has no active access key. State that could not be read is ERROR (through
 * `reads`); a value the sources did not give fails closed, saying it is unknown.
 */
export const iamAccountRootNoAccessKeys = defineCheck({
  id: 'iam-account-root-no-access-keys',
  title: 'The AWS account root user has no active access keys',
  resourceType: 'iam-account',
  recommendation: 'CSA-5',
  severity: 'critical',
  rationale:
    'A root access key has unrestricted, unscopable rights over the whole account, which IAM policies cannot limit; if it leaks, every registry, cluster and identity in the account is lost.',
  remediation: {
    text: 'Signed in as the root user (or, for an AWS Organizations member account, through a privileged root session: aws sts assume-root with the IAMDeleteRootUserCredentials task policy), delete the root access key; use IAM roles for automation.',
    cli: 'aws iam delete-access-key --access-key-id <root-access-key-id>',
    iac: {
      format: 'terraform',
      snippet:
        '# In the organization management account: manage member accounts\' root credentials centrally\nresource "aws_iam_organizations_features" "root" {\n  enabled_features = ["RootCredentialsManagement", "RootSessions"]\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  mappings: { securityHub: ['IAM.4'] },
  reads: ['rootAccessKeysPresent'],
  evaluate(account) {
    if (account.rootAccessKeysPresent === false) {
      return pass(`Account ${account.accountId}: the root user has no active access keys`);
    }
    return account.rootAccessKeysPresent === true
      ? fail(`Account ${account.accountId}: the root user has an active access key`)
      : fail(`Account ${account.accountId}: whether the root user has an active access key is unknown`);
  },
});
