import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionRolesLeastPrivilege as check } from '../../../src/catalog/ecs/ecs-task-definition-roles-least-privilege.js';
import { CheckRegistry } from '../../../src/check/registry.js';
import { evaluate } from '../../../src/evaluate.js';
import { parsePolicyDocument } from '../../../src/policy/index.js';
import type { EcsTaskRole } from '../../../src/types/ecs.js';
import { sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const TASK_ROLE = 'arn:aws:iam::012345678910:role/app-task';
const EXECUTION_ROLE = 'arn:aws:iam::012345678910:role/ecsTaskExecutionRole';

/** AmazonECSTaskExecutionRolePolicy's document (AWS managed policy reference). */
const EXECUTION_POLICY = parsePolicyDocument({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ],
      Resource: '*',
    },
  ],
});
/** AdministratorAccess's document. */
const ADMIN = parsePolicyDocument({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

function role(kind: EcsTaskRole['kind'], arn: string, policies: EcsTaskRole['policies']): EcsTaskRole {
  return { kind, arn, policies };
}

const execution = role('execution', EXECUTION_ROLE, [
  {
    name: 'AmazonECSTaskExecutionRolePolicy',
    arn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    document: EXECUTION_POLICY,
  },
]);

describe('ecs-task-definition-roles-least-privilege', () => {
  it("passes AWS's sample, which names no role, saying its tasks get no credentials", () => {
    const outcome = runCheck(check, sampleTaskDefinition());
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Task definition hello_world:8 names no task or execution role, so its tasks get no AWS credentials from ECS',
    });
  });

  it('passes an execution role with AmazonECSTaskExecutionRolePolicy and a scoped task role', () => {
    // Prepare
    const definition = sampleTaskDefinition({
      taskRoleArn: TASK_ROLE,
      executionRoleArn: EXECUTION_ROLE,
      roles: [
        role('task', TASK_ROLE, [
          {
            name: 'read-bucket',
            document: parsePolicyDocument({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app/*' }],
            }),
          },
        ]),
        execution,
      ],
    });
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain(`task role ${TASK_ROLE}`);
  });

  it('fails a task role with AdministratorAccess, naming the role, the policy and the statement', () => {
    const definition = sampleTaskDefinition({
      taskRoleArn: TASK_ROLE,
      roles: [role('task', TASK_ROLE, [{ name: 'AdministratorAccess', document: ADMIN }])],
    });
    expect(runCheck(check, definition)).toEqual({
      status: 'FAIL',
      message: `Task definition hello_world:8: task role ${TASK_ROLE}: policy AdministratorAccess allows "*" on Resource "*" in Statement[0]`,
    });
  });

  it('fails ecr:*, eks:* and iam:* on every resource, through a wildcard or a NotAction, after Deny', () => {
    // Prepare
    const wide = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Registry', Effect: 'Allow', Action: 'ecr:*', Resource: '*' },
        { Sid: 'AllButS3', Effect: 'Allow', NotAction: 's3:*', Resource: '*' },
        { Sid: 'NoEks', Effect: 'Deny', Action: 'eks:*', Resource: '*' },
      ],
    });
    const definition = sampleTaskDefinition({
      executionRoleArn: EXECUTION_ROLE,
      roles: [role('execution', EXECUTION_ROLE, [{ name: 'wide', document: wide }])],
    });
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(
      `execution role ${EXECUTION_ROLE}: policy wide allows ecr:* on Resource "*" in Statement[0] (Sid "Registry")`,
    );
    expect(outcome.message).toContain(
      'policy wide allows ecr:* and iam:* on Resource "*" in Statement[1] (Sid "AllButS3")',
    );
    expect(outcome.message).not.toContain('eks:*');
  });

  it('does not report a wildcard on named resources only', () => {
    const scoped = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ecr:*', Resource: 'arn:aws:ecr:us-east-1:012345678910:repository/app' },
      ],
    });
    const definition = sampleTaskDefinition({
      taskRoleArn: TASK_ROLE,
      roles: [role('task', TASK_ROLE, [{ name: 'scoped', document: scoped }])],
    });
    expect(runCheck(check, definition).status).toBe('PASS');
  });

  it('fails closed on a role named but not read and on a policy without a document', () => {
    const definition = sampleTaskDefinition({
      taskRoleArn: TASK_ROLE,
      executionRoleArn: EXECUTION_ROLE,
      roles: [role('execution', EXECUTION_ROLE, [{ name: 'mystery' }])],
    });
    const outcome = runCheck(check, definition);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(`task role ${TASK_ROLE}: its policies were not read`);
    expect(outcome.message).toContain('policy mystery has no readable document');
  });

  it('is ERROR, naming the reason, when the roles could not be read', () => {
    // Prepare
    const definition = sampleTaskDefinition({
      taskRoleArn: TASK_ROLE,
      unreadable: { roles: 'AccessDenied: iam:ListAttachedRolePolicies' },
    });
    // Act
    const findings = evaluate(definition, { catalog: new CheckRegistry([check]) });
    // Assess
    expect(findings[0]?.status).toBe('ERROR');
    expect(findings[0]?.message).toContain('AccessDenied: iam:ListAttachedRolePolicies');
  });
});
