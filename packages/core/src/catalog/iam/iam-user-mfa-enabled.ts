import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

/**
 * A user who can sign in to the console must have an MFA device. A user without a password is
 * NOT_APPLICABLE; an unknown password or MFA status fails closed, saying it is unknown.
 */
export const iamUserMfaEnabled = defineCheck({
  id: 'iam-user-mfa-enabled',
  title: 'IAM users with a console password have MFA enabled',
  resourceType: 'iam-user',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'A console password alone falls to phishing, reuse and guessing; without a second factor anyone holding it gets the console with all of the user’s rights over registries, clusters and IAM.',
  remediation: {
    text: 'Create a virtual MFA device (aws iam create-virtual-mfa-device) or use a FIDO key, then assign it to the user with two consecutive codes. If the user does not need the console, delete the login profile instead.',
    cli: 'aws iam enable-mfa-device --user-name <user> --serial-number arn:aws:iam::<account-id>:mfa/<user> --authentication-code1 <code1> --authentication-code2 <code2>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_iam_virtual_mfa_device" "alice" {\n  virtual_mfa_device_name = "alice"\n}\n\nresource "aws_iam_user_mfa_device" "alice" {\n  user          = "alice"\n  serial_number = aws_iam_virtual_mfa_device.alice.arn\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html',
  },
  mappings: { securityHub: ['IAM.5'], prowler: ['iam_user_mfa_enabled_console_access'] },
  reads: ['passwordEnabled', 'mfaActive'],
  evaluate(user) {
    if (user.passwordEnabled === false) {
      return notApplicable(`User ${user.name} has no console password`);
    }
    if (user.mfaActive === true) {
      return pass(`User ${user.name} has a console password and an MFA device`);
    }
    const mfa = user.mfaActive === false ? 'no MFA device' : 'an unknown MFA status';
    return user.passwordEnabled === true
      ? fail(`User ${user.name} has a console password and ${mfa}`)
      : fail(`User ${user.name} has an unknown console password status and ${mfa}`);
  },
});
