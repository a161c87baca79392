import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { preparePolicy } from '../../policy/index.js';
import type { EcsTaskDefinition, EcsTaskRole } from '../../types/ecs.js';
import { adminAccess, CONTAINER_WILDCARDS, labels, wildcardGrants } from '../iam/policy-support.js';

/** iam-policy-no-container-wildcard's wildcards plus `iam:*`: a task role must not manage IAM either. */
const ROLE_WILDCARDS = [...CONTAINER_WILDCARDS, 'iam:*'];

const ROLE_LABEL: Record<EcsTaskRole['kind'], string> = { task: 'task role', execution: 'execution role' };

/** What one policy of one role grants that it must not, as message parts. */
function excessGrants(role: EcsTaskRole, accountId: string): string[] {
  const who = `${ROLE_LABEL[role.kind]} ${role.arn}`;
  return role.policies.flatMap(function excess(policy): string[] {
    if (policy.document === undefined) {
      return [`${who}: policy ${policy.name} has no readable document, so its grants are unknown`];
    }
    const document = preparePolicy(policy.document);
    const admin = adminAccess(document, accountId);
    if (admin.decision === 'allowed') {
      return [
        `${who}: policy ${policy.name} allows "*" on Resource "*" in ${labels(admin.grants.map((g) => g.statement))}`,
      ];
    }
    return wildcardGrants(document, accountId, ROLE_WILDCARDS).map(
      ({ ref, wildcards }) =>
        `${who}: policy ${policy.name} allows ${wildcards.join(' and ')} on Resource "*" in ${ref.label}`,
    );
  });
}

/** Role ARNs the task definition names that the collected roles do not cover. */
function unread(definition: EcsTaskDefinition): string[] {
  const named: [EcsTaskRole['kind'], string | undefined][] = [
    ['task', definition.taskRoleArn],
    ['execution', definition.executionRoleArn],
  ];
  return named.flatMap(([kind, arn]) =>
    arn && !definition.roles.some((role) => role.kind === kind && role.arn === arn)
      ? [`${ROLE_LABEL[kind]} ${arn}: its policies were not read, so its grants are unknown`]
      : [],
  );
}

/**
 * The task role (what the containers call AWS with) and the execution role (what the ECS agent
 * pulls images, logs and secrets with) grant no administrator access and no `ecr:*`, `eks:*` or
 * `iam:*` on every resource. Each of their policies, AWS managed included, is asked
 * iam-policy-no-admin's question (`*` on `*`, after Deny) and then iam-policy-no-container-wildcard's
 * (each wildcard on `*`, after Deny) with `iam:*` added. A role named but not read, or a policy
 * without a document, fails closed; a role the collector could not read at all is
 * `unreadable.roles`, an ERROR. A task definition naming no role passes: its tasks get no AWS
 * credentials from ECS.
 */
export const ecsTaskDefinitionRolesLeastPrivilege = defineCheck({
  id: 'ecs-task-definition-roles-least-privilege',
  title: 'ECS task and execution roles grant no administrator or ecr:*, eks:*, iam:* wildcard access',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-5',
  severity: 'critical',
  rationale:
    "Every process in the task's containers can use the task role's credentials (from the container credentials endpoint): one remote-code-execution bug in a container with an administrator or iam:* role becomes the whole account; ecr:* lets it replace the images other services run.",
  remediation: {
    text: 'Give each task its own role with the actions and resources it uses, and the execution role only AmazonECSTaskExecutionRolePolicy (plus secret and parameter reads scoped to their ARNs); detach the administrator or wildcard policy.',
    cli: 'aws iam detach-role-policy --role-name <role> --policy-arn <policy-arn>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_iam_role_policy_attachment" "execution" {\n  role       = aws_iam_role.execution.name\n  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
  },
  mappings: {},
  reads: ['roles', 'taskRoleArn', 'executionRoleArn'],
  evaluate(definition) {
    const problems = [
      ...unread(definition),
      ...definition.roles.flatMap((role) => excessGrants(role, definition.accountId)),
    ];
    if (problems.length > 0) {
      return fail(`Task definition ${definition.name}: ${problems.join('; ')}`);
    }
    if (definition.roles.length === 0) {
      return pass(
        `Task definition ${definition.name} names no task or execution role, so its tasks get no AWS credentials from ECS`,
      );
    }
    const roles = definition.roles.map((role) => `${ROLE_LABEL[role.kind]} ${role.arn}`);
    return pass(
      `Task definition ${definition.name}: ${roles.join(', ')} grant no "*" on "*" and no ${ROLE_WILDCARDS.join(', ')} on every resource`,
    );
  },
});
