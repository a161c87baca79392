import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { IamUser } from '../../types/resource.js';
import { accessKeyLabel, daysSince } from './credential-age.js';

/** A credential to assess: what to call it, when it was last used and when it was created. */
interface Credential {
  label: string;
  lastUsedAt?: Date;
  createdAt?: Date;
}

function credentialsOf(user: IamUser): Credential[] {
  const password: Credential[] = user.passwordEnabled
    ? [{ label: 'console password', lastUsedAt: user.passwordLastUsed, createdAt: user.createdAt }]
    : [];
  const keys = user.accessKeys.flatMap((key, index) =>
    key.active
      ? [{ label: accessKeyLabel(key, index), lastUsedAt: key.lastUsedAt, createdAt: key.createdAt }]
      : [],
  );
  return [...password, ...keys];
}

/** Why a credential counts as unused, or undefined when it was used within `limit` days. */
function staleness(credential: Credential, now: Date, limit: number): string | undefined {
  if (credential.lastUsedAt !== undefined) {
    const idle = daysSince(credential.lastUsedAt, now);
    return idle > limit ? `${credential.label} last used ${idle} days ago` : undefined;
  }
  if (credential.createdAt === undefined) {
    return `${credential.label} never used, creation date unknown`;
  }
  const age = daysSince(credential.createdAt, now);
  return age > limit ? `${credential.label} never used since its creation ${age} days ago` : undefined;
}

/**
 * The console password and every active access key were used within `credentialMaxUnusedDays`.
 * A credential never used counts from its creation (the user's for a password, the key's for a key).
 */
export const iamUserCredentialsUsed = defineCheck({
  id: 'iam-user-credentials-used',
  title: 'IAM user passwords and active access keys have been used within credentialMaxUnusedDays',
  resourceType: 'iam-user',
  recommendation: 'CSA-5',
  severity: 'medium',
  rationale:
    'An unused password or access key serves nobody but can still be phished, leaked or brute-forced; because no one uses it, its misuse is also less likely to be noticed.',
  remediation: {
    text: 'Deactivate (then delete) access keys that are not used, and delete the login profile of users who do not sign in to the console (aws iam delete-login-profile --user-name <user>).',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <unused-access-key-id> --status Inactive',
    iac: {
      format: 'terraform',
      snippet:
        '# Remove the unused credentials from the configuration:\n# delete the aws_iam_user_login_profile and aws_iam_access_key resources of the user, or\nresource "aws_iam_access_key" "ci" {\n  user   = aws_iam_user.ci.name\n  status = "Inactive"\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  mappings: { securityHub: ['IAM.8', 'IAM.22'] },
  reads: ['createdAt', 'passwordEnabled', 'passwordLastUsed', 'accessKeys'],
  evaluate(user, { config, now }) {
    const limit = config.credentialMaxUnusedDays;
    const credentials = credentialsOf(user);
    const passwordUnknown = user.passwordEnabled === undefined ? ['console password status unknown'] : [];
    if (credentials.length === 0 && passwordUnknown.length === 0) {
      return notApplicable(`User ${user.name} has no console password and no active access keys`);
    }
    const unused = [
      ...passwordUnknown,
      ...credentials.flatMap((credential) => staleness(credential, now, limit) ?? []),
    ];
    return unused.length > 0
      ? fail(`User ${user.name}: ${unused.join('; ')} (limit ${limit} days)`)
      : pass(`User ${user.name} used each of its ${credentials.length} credential(s) within ${limit} days`);
  },
});
