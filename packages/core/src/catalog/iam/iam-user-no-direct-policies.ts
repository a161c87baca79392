import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/** A user gets permissions through groups (or roles it assumes), never attached or inline policies. */
export const iamUserNoDirectPolicies = defineCheck({
  id: 'iam-user-no-direct-policies',
  title: 'IAM users receive permissions only through groups or roles, not attached or inline policies',
  resourceType: 'iam-user',
  recommendation: 'CSA-5',
  severity: 'low',
  rationale:
    'Permissions attached to individual users drift out of sight: they escape role-based reviews, survive job changes and make it hard to tell who can push images or administer clusters.',
  remediation: {
    text: 'Add the user to a group that carries the permissions it needs, then detach its managed policies and delete its inline policies (aws iam delete-user-policy --user-name <user> --policy-name <name>).',
    cli: 'aws iam add-user-to-group --user-name <user> --group-name <group> && aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_iam_group_policy_attachment" "developers" {\n  group      = aws_iam_group.developers.name\n  policy_arn = aws_iam_policy.developer.arn\n}\n\nresource "aws_iam_user_group_membership" "alice" {\n  user   = aws_iam_user.alice.name\n  groups = [aws_iam_group.developers.name]\n}',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
  },
  mappings: { securityHub: ['IAM.2'] },
  reads: ['attachedPolicyArns', 'inlinePolicyNames'],
  evaluate(user) {
    const direct = [
      ...(user.attachedPolicyArns.length > 0
        ? [`attached policies ${user.attachedPolicyArns.join(', ')}`]
        : []),
      ...(user.inlinePolicyNames.length > 0 ? [`inline policies ${user.inlinePolicyNames.join(', ')}`] : []),
    ];
    return direct.length > 0
      ? fail(`User ${user.name} has ${direct.join(' and ')}`)
      : pass(`User ${user.name} has no attached or inline policies`);
  },
});
