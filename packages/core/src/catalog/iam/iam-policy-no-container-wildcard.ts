import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { namesAction, onAllResources } from '../../policy/index.js';
import type { PolicyStatement } from '../../types/policy.js';
import { isAttached, statementLabel } from './policy-support.js';

/** The service-wide wildcards over the container registry and orchestrator. */
const CONTAINER_WILDCARDS = ['ecr:*', 'eks:*'];

function containerWildcardsOf(statement: PolicyStatement): string[] {
  return onAllResources(statement)
    ? CONTAINER_WILDCARDS.filter((action) => namesAction(statement, action))
    : [];
}

/**
 * Any attached policy, AWS managed included, must not allow `ecr:*` or `eks:*` on `Resource: "*"`.
 * A bare `Action: "*"` is deliberately not reported here: it is iam-policy-no-admin's finding.
 */
export const iamPolicyNoContainerWildcard = defineCheck({
  id: 'iam-policy-no-container-wildcard',
  title: 'Attached IAM policies do not allow ecr:* or eks:* on all resources',
  resourceType: 'iam-policy',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'ecr:* on every resource lets a principal overwrite or delete any image and rewrite repository policies; eks:* lets it grant itself cluster-admin through access entries or delete clusters. Registry and cluster management rights should be scoped to named repositories and clusters.',
  remediation: {
    text: 'Replace the service wildcard with the ECR or EKS actions the principals use, scoped to the repository or cluster ARNs, and make that version the default (for an AWS managed policy, detach it and attach a scoped customer-managed policy).',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped-container-access.json --set-as-default',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_iam_policy" "ci_push" {\n  name   = "ci-push"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability"], Resource = aws_ecr_repository.app.arn }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/security-iam-awsmanpol.html',
  },
  mappings: { cisEks: ['5.1.2'] },
  reads: ['kind', 'attachmentCount', 'document'],
  evaluate(policy) {
    if (!isAttached(policy)) {
      return notApplicable(`Policy ${policy.name} is not attached to any user, group or role`);
    }
    if (policy.document === undefined) {
      return fail(`Policy ${policy.name}: its document is unknown, so ecr:* and eks:* cannot be ruled out`);
    }
    const offending = policy.document.Statement.flatMap(function describeWildcards(statement, index) {
      const wildcards = statement.Effect === 'Allow' ? containerWildcardsOf(statement) : [];
      return wildcards.length > 0
        ? [`${wildcards.join(' and ')} on Resource "*" in ${statementLabel(statement, index)}`]
        : [];
    });
    return offending.length > 0
      ? fail(`Policy ${policy.name} allows ${offending.join(', ')}`)
      : pass(`Policy ${policy.name} does not allow ecr:* or eks:* on Resource "*"`);
  },
});
