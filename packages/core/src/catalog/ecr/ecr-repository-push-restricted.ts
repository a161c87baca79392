import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { evaluatePolicy, preparePolicy } from '../../policy/index.js';
import type { PolicyDocument, PolicyQuestion, StatementRef } from '../../types/policy.js';
import { grantee, PUSH_ACTIONS, unrestrictingConditions } from './repository-policy.js';

/** Each statement's push grants to outsiders: the actions and to whom, in document order. */
function outsidePushGrants(
  policy: PolicyDocument,
  principal: PolicyQuestion['principal'],
  repositoryArn: string,
): string[] {
  const byStatement = new Map<number, { ref: StatementRef; actions: string[]; grantees: string[] }>();
  const prepared = preparePolicy(policy);
  for (const action of PUSH_ACTIONS) {
    for (const grant of evaluatePolicy(prepared, { principal, action, resource: repositoryArn }).grants) {
      const entry = byStatement.get(grant.statement.index) ?? {
        ref: grant.statement,
        actions: [],
        grantees: [],
      };
      if (!entry.actions.includes(action)) entry.actions.push(action);
      const who = `${grantee(grant)}${unrestrictingConditions(grant)}`;
      if (!entry.grantees.includes(who)) entry.grantees.push(who);
      byStatement.set(grant.statement.index, entry);
    }
  }
  return [...byStatement.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([, { ref, actions, grantees }]) =>
        `${ref.label} allows ${actions.join(', ')} to ${grantees.join(', ')}`,
    );
}

/**
 * The question to the evaluator, for each push action (ecr:PutImage, ecr:InitiateLayerUpload,
 * ecr:UploadLayerPart, ecr:CompleteLayerUpload): "can anyone outside the account and
 * `trustedAccounts` perform it on the repository, after Deny?"
 */
export const ecrRepositoryPushRestricted = defineCheck({
  id: 'ecr-repository-push-restricted',
  title: 'ECR repository policies let only the account and trusted accounts push images',
  resourceType: 'ecr-repository',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'A repository policy that lets principals of other accounts push can have a compromised or untrusted account replace or add images that this account then deploys, a direct supply-chain injection path.',
  remediation: {
    text: 'Remove push actions (ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:*, *) from statements whose principal is outside the account, or add the account to trustedAccounts after review. Keep cross-account statements to pull actions.',
    cli: 'aws ecr set-repository-policy --repository-name <repository> --policy-text \'{"Version":"2012-10-17","Statement":[{"Sid":"CrossAccountPull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::<other-account-id>:root"},"Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_repository_policy" "this" {\n  repository = "<repository>"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "CrossAccountPull"\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::<other-account-id>:root" }\n      Action    = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]\n    }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
  },
  mappings: {},
  reads: ['policy'],
  evaluate(repository, { config }) {
    if (repository.policy === null) {
      return pass(`Repository ${repository.name} has no repository policy; only its own account can push`);
    }
    const grants = outsidePushGrants(
      repository.policy,
      { kind: 'outside', accountId: repository.accountId, trustedAccounts: config.trustedAccounts },
      repository.id,
    );
    if (grants.length === 0) {
      return pass(
        `Repository ${repository.name} policy lets no principal outside the account and trustedAccounts push`,
      );
    }
    return fail(
      `Repository ${repository.name} policy lets principals outside the account and trustedAccounts push: ${grants.join('; ')}`,
    );
  },
});
