import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { preparePolicy } from '../../policy/index.js';
import { adminAccess, CONTAINER_WILDCARDS, isAttached, wildcardGrants } from './policy-support.js';

/**
 * Any attached policy, AWS managed included, must not allow every ECR or every EKS action on every
 * resource. The questions to the evaluator: "does the document allow `ecr:*` (then `eks:*`) on `*`
 * for its attached principals, after Deny?", whether through `ecr:*`, `*`, or a `NotAction` that
 * leaves them in. A document that allows `*` on `*` is left to iam-policy-no-admin (its finding).
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
    const document = preparePolicy(policy.document);
    const admin = adminAccess(document, policy.accountId);
    if (admin.decision === 'allowed') {
      return pass(
        `Policy ${policy.name} allows "*" on Resource "*" (iam-policy-no-admin's finding), so ecr:* and eks:* are not reported apart`,
      );
    }
    const offending = wildcardGrants(document, policy.accountId, CONTAINER_WILDCARDS).map(
      ({ ref, wildcards }) => `${wildcards.join(' and ')} on Resource "*" in ${ref.label}`,
    );
    return offending.length > 0
      ? fail(`Policy ${policy.name} allows ${offending.join(', ')}`)
      : pass(`Policy ${policy.name} does not allow ecr:* or eks:* on Resource "*"`);
  },
});
