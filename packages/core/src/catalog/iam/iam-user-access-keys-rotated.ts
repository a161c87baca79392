import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { accessKeyLabel, daysSince } from './credential-age.js';

/**
 * Every active access key is at most `accessKeyMaxAgeDays` whole days old at `context.now`.
 * Inactive keys are ignored; a key whose creation date is unknown fails closed.
 */
export const iamUserAccessKeysRotated = defineCheck({
  id: 'iam-user-access-keys-rotated',
  title: 'Active IAM user access keys are rotated within accessKeyMaxAgeDays',
  resourceType: 'iam-user',
  recommendation: 'CSA-5',
  severity: 'medium',
  rationale:
    'Long-lived access keys end up in CI variables, laptops and images; the older a key, the more places it may have leaked to, and an unrotated key gives an attacker who found it lasting access to registries and clusters.',
  remediation: {
    text: 'Create a new access key, move its users to it, then deactivate the old key (delete it once nothing fails). Prefer roles with temporary credentials (IRSA, EKS Pod Identity, OIDC for CI) to access keys.',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <old-access-key-id> --status Inactive',
    iac: {
      format: 'terraform',
      snippet:
        'resource "time_rotating" "ci_key" {\n  rotation_days = 90\n}\n\nresource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n  lifecycle {\n    create_before_destroy = true\n    replace_triggered_by  = [time_rotating.ci_key]\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html',
  },
  mappings: { securityHub: ['IAM.3'], config: ['access-keys-rotated'] },
  reads: ['accessKeys'],
  evaluate(user, { config, now }) {
    const limit = config.accessKeyMaxAgeDays;
    const active = user.accessKeys.map((key, index) => ({ key, index })).filter(({ key }) => key.active);
    if (active.length === 0) {
      return notApplicable(`User ${user.name} has no active access keys`);
    }
    const stale = active.flatMap(function describeStale({ key, index }) {
      const label = accessKeyLabel(key, index);
      if (key.createdAt === undefined) return [`${label} has an unknown creation date`];
      const age = daysSince(key.createdAt, now);
      return age > limit ? [`${label} is ${age} days old`] : [];
    });
    return stale.length > 0
      ? fail(`User ${user.name}: ${stale.join('; ')} (limit ${limit} days)`)
      : pass(`User ${user.name} has ${active.length} active access key(s), none older than ${limit} days`);
  },
});
