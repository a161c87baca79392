import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { EcsContainer, EcsEnvironmentVariable } from '../../types/ecs.js';
import { containerName, listed, noContainers } from './containers.js';
import { credentialIn } from './credential-patterns.js';

/** The key names Security Hub's ECS.8 (Config ecs-no-environment-secrets) fails, whatever the value. */
const SECURITY_HUB_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA'];
/** Parts of a name that say its value is a secret. */
const SECRET_NAME_PARTS = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'API_KEY', 'APIKEY', 'PRIVATE_KEY'];
/** Endings of a name whose value points to a secret rather than holding one (`DB_SECRET_ARN`). */
const REFERENCE_SUFFIXES = ['_ARN', '_FILE', '_PATH', '_URL', '_URI', '_NAME'];
const MAX_NAME = 64;

/** Why a variable looks like it holds a secret; undefined when it does not. Never the value. */
function secretIn(variable: EcsEnvironmentVariable): string | undefined {
  const name = variable.name.trim().toUpperCase();
  if (SECURITY_HUB_KEYS.includes(name)) return 'a key name ECS.8 forbids';
  const value = variable.value ?? '';
  const credential = credentialIn(value);
  if (credential !== undefined) return `value looks like ${credential}`;
  if (value.trim() === '' || value.trim().startsWith('arn:')) return undefined;
  if (REFERENCE_SUFFIXES.some((suffix) => name.endsWith(suffix))) return undefined;
  const part = SECRET_NAME_PARTS.find((candidate) => name.includes(candidate));
  return part === undefined ? undefined : `name has ${part} and a value`;
}

function variableName(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
}

function environmentFilesNote(containers: EcsContainer[]): string {
  const withFiles = containers.filter((container) => container.environmentFiles.length > 0);
  if (withFiles.length === 0) return '';
  return `; environmentFiles of ${listed(withFiles.map(containerName))} not inspected`;
}

export const ecsTaskDefinitionNoEnvironmentSecrets = defineCheck({
  id: 'ecs-task-definition-no-environment-secrets',
  title: 'ECS task definitions pass no secrets in container environment variables',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'An environment value is plain text in the task definition: anyone allowed ecs:DescribeTaskDefinition (read-only roles, auditors, tools) can read it, it stays in every revision (revisions cannot be edited), and it shows in the container’s metadata. A credential there bypasses the access control Secrets Manager or SSM would give it.',
  remediation: {
    text: 'Store the value in AWS Secrets Manager or SSM Parameter Store, reference it from the container’s `secrets` (`valueFrom`) with the execution role allowed to read it, register a new revision without the variable and update the services; rotate the exposed credential, since the old revision still shows it (deregister and delete it).',
    cli: 'aws secretsmanager create-secret --name <app>/<variable> --secret-string file://secret.txt',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    secrets = [{\n      name      = "DB_PASSWORD"\n      valueFrom = aws_secretsmanager_secret.db_password.arn\n    }]\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  },
  mappings: {
    securityHub: ['ECS.8'],
    config: ['ecs-no-environment-secrets'],
    prowler: ['ecs_task_definitions_no_environment_secrets'],
  },
  reads: ['containers'],
  evaluate(taskDefinition) {
    const none = noContainers(taskDefinition);
    if (none) return notApplicable(none);
    const found = taskDefinition.containers.flatMap((container) =>
      container.environment.flatMap(function suspicious(variable) {
        const why = secretIn(variable);
        return why === undefined
          ? []
          : [`${containerName(container)}/${variableName(variable.name)} (${why})`];
      }),
    );
    const files = environmentFilesNote(taskDefinition.containers);
    if (found.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} passes secrets in environment variables: ${listed(found)}${files}`,
      );
    }
    const variables = taskDefinition.containers.reduce(
      (sum, container) => sum + container.environment.length,
      0,
    );
    const secrets = taskDefinition.containers.reduce((sum, container) => sum + container.secrets.length, 0);
    return pass(
      `Task definition ${taskDefinition.name}: none of its ${variables} environment variable(s) looks like a secret (${secrets} from secrets)${files}`,
    );
  },
});
