import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { evaluatePolicy } from '../../policy/index.js';
import { RESTRICTING_CONDITION_KEYS, unrestrictingConditions } from './repository-policy.js';

/** `aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount or aws:SourceArn`, for messages. */
const RESTRICTING_CONDITIONS = `${RESTRICTING_CONDITION_KEYS.slice(0, -1).join(', ')} or ${RESTRICTING_CONDITION_KEYS.at(-1)}`;

/**
 * The question to the evaluator: "can anyone (any AWS account the policy does not name, in no
 * organization it names, or an anonymous caller) perform some action on the repository, after
 * Deny?" (`principal: anyone`, action `*`, scope `some`).
 */
export const ecrRepositoryNotPublic = defineCheck({
  id: 'ecr-repository-not-public',
  title: 'ECR repository policies do not grant access to everyone',
  resourceType: 'ecr-repository',
  recommendation: 'CSA-5',
  severity: 'critical',
  rationale:
    'A repository policy that allows principal "*" without an organisation, account or source condition lets any AWS account pull (or, with write actions, overwrite) the images, exposing code, embedded secrets and the supply chain to anyone.',
  remediation: {
    text: 'Replace the "*" principal with the accounts or roles that need access, or add an aws:PrincipalOrgID condition; delete the policy if no cross-account access is needed.',
    cli: 'aws ecr set-repository-policy --repository-name <repository> --policy-text \'{"Version":"2012-10-17","Statement":[{"Sid":"OrgPull","Effect":"Allow","Principal":"*","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"<org-id>"}}}]}\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_repository_policy" "this" {\n  repository = "<repository>"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "OrgPull"\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]\n      Condition = { StringEquals = { "aws:PrincipalOrgID" = "<org-id>" } }\n    }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html',
  },
  mappings: { prowler: ['ecr_repositories_not_publicly_accessible'] },
  reads: ['policy'],
  evaluate(repository) {
    if (repository.policy === null) return pass(`Repository ${repository.name} has no repository policy`);
    const answer = evaluatePolicy(repository.policy, {
      principal: { kind: 'anyone' },
      action: '*',
      resource: repository.id,
      scope: 'some',
    });
    if (answer.decision !== 'allowed') {
      const denied =
        answer.decision === 'denied'
          ? `; what ${answer.allowedBy.map((ref) => ref.label).join(', ')} grants everyone, ${answer.deniedBy.map((ref) => ref.label).join(', ')} denies`
          : '';
      return pass(`Repository ${repository.name} policy grants nothing to everyone${denied}`);
    }
    const described = answer.grants
      .map(
        (grant) =>
          `${grant.statement.label} allows ${grant.actions.join(', ')}${unrestrictingConditions(grant)}`,
      )
      .join('; ');
    return fail(
      `Repository ${repository.name} policy lets everyone in (principal "*" or a NotPrincipal, without an ${RESTRICTING_CONDITIONS} condition): ${described}`,
    );
  },
});
