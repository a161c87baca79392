import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { adminAccess, isAttached, labels } from './policy-support.js';

/**
 * An attached customer-managed or inline policy must not allow every action on every resource.
 * The question to the evaluator: "does the document allow `*` on `*` for the principals it is
 * attached to, after its Deny statements?" (a conditional Allow still counts; a Deny under a
 * condition Customs cannot know does not take it away). AWS managed policies (AdministratorAccess…)
 * are out of scope, as in Security Hub IAM.1 and the AWS Config rule; unattached policies grant
 * nothing and are NOT_APPLICABLE.
 */
export const iamPolicyNoAdmin = defineCheck({
  id: 'iam-policy-no-admin',
  title:
    'Attached customer-managed and inline IAM policies do not grant full "*:*" administrative privileges',
  resourceType: 'iam-policy',
  recommendation: 'CSA-5',
  severity: 'critical',
  rationale:
    'A statement allowing every action on every resource makes each principal it reaches a full administrator: one leaked credential or compromised workload can read every image, change every cluster and rewrite IAM itself.',
  remediation: {
    text: 'Replace the "*" statement with the actions and resources the principals need (least privilege), then make that version the default; for an inline policy, put the narrowed document back with put-role-policy / put-user-policy / put-group-policy.',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_iam_policy" "app" {\n  name   = "app"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource = aws_ecr_repository.app.arn }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  mappings: {
    securityHub: ['IAM.1'],
    config: ['iam-policy-no-statements-with-admin-access'],
    prowler: [
      'iam_customer_attached_policy_no_administrative_privileges',
      'iam_inline_policy_no_administrative_privileges',
    ],
  },
  reads: ['kind', 'awsManaged', 'attachmentCount', 'document'],
  evaluate(policy) {
    if (policy.awsManaged) {
      return notApplicable(
        `Policy ${policy.name} is AWS managed; only customer-managed and inline policies are assessed`,
      );
    }
    if (!isAttached(policy)) {
      return notApplicable(`Policy ${policy.name} is not attached to any user, group or role`);
    }
    if (policy.document === undefined) {
      return fail(
        `Policy ${policy.name}: its document is unknown, so administrative access cannot be ruled out`,
      );
    }
    const answer = adminAccess(policy.document, policy.accountId);
    if (answer.decision === 'allowed') {
      return fail(
        `Policy ${policy.name} allows Action "*" on Resource "*" in ${labels(answer.grants.map((grant) => grant.statement))}`,
      );
    }
    if (answer.decision === 'denied') {
      return pass(
        `Policy ${policy.name} does not allow Action "*" on Resource "*": ${labels(answer.allowedBy)} would, but ${labels(answer.deniedBy)} denies part of it`,
      );
    }
    return pass(`Policy ${policy.name} has no statement allowing Action "*" on Resource "*"`);
  },
});
