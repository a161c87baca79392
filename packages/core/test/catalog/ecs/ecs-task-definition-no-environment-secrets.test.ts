import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoEnvironmentSecrets as check } from '../../../src/catalog/ecs/ecs-task-definition-no-environment-secrets.js';
import type { EcsEnvironmentVariable } from '../../../src/types/ecs.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const withEnvironment = (environment: EcsEnvironmentVariable[]) =>
  sampleTaskDefinition({ containers: [ecsContainer({ name: 'app', environment })] });

describe('ecs-task-definition-no-environment-secrets', () => {
  it('fails AWS’s describe-task-definition sample: MYSQL_ROOT_PASSWORD=password is a password in plain text', () => {
    const outcome = runCheck(check, sampleTaskDefinition());
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 passes secrets in environment variables: mysql/MYSQL_ROOT_PASSWORD (name has PASSWORD and a value)',
    });
    expect(outcome.message).not.toContain('password');
  });

  it.each(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA'])(
    'fails ECS.8’s key name %s whatever its value',
    (name) => {
      expect(runCheck(check, withEnvironment([{ name }])).message).toContain(
        `app/${name} (a key name ECS.8 forbids)`,
      );
    },
  );

  it('fails a credential-shaped value under any name, naming the kind and never the value', () => {
    // Prepare
    const key = 'AKIAIOSFODNN7EXAMPLE';
    const taskDefinition = withEnvironment([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'UPSTREAM', value: key },
      { name: 'DATABASE_URL', value: 'postgres://app:hunter2@db.internal:5432/app' },
    ]);
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 passes secrets in environment variables: app/UPSTREAM (value looks like an AWS access key id), app/DATABASE_URL (value looks like a URL with a password)',
    });
    expect(outcome.message).not.toContain(key);
    expect(outcome.message).not.toContain('hunter2');
  });

  it.each(['DB_PASSWORD', 'client_secret', 'GITHUB_TOKEN', 'STRIPE_API_KEY', 'MapsApiKey'.toUpperCase()])(
    'fails the secret-looking name %s with a value',
    (name) => {
      expect(runCheck(check, withEnvironment([{ name, value: 'x' }])).status).toBe('FAIL');
    },
  );

  it('passes secret-looking names that are empty, or point to a secret rather than hold one', () => {
    const taskDefinition = withEnvironment([
      { name: 'DB_PASSWORD', value: '' },
      { name: 'API_TOKEN' },
      { name: 'DB_SECRET', value: 'arn:aws:secretsmanager:us-east-1:012345678910:secret:db-AbCdEf' },
      { name: 'DB_SECRET_ARN', value: 'prod/db' },
      { name: 'TOKEN_URL', value: 'https://auth.example.com/oauth/token' },
      { name: 'PASSWORD_FILE', value: '/run/secrets/db' },
    ]);
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message:
        'Task definition hello_world:8: none of its 6 environment variable(s) looks like a secret (0 from secrets)',
    });
  });

  it('counts secrets from Secrets Manager or SSM and names environment files as not inspected', () => {
    const taskDefinition = sampleTaskDefinition({
      containers: [
        ecsContainer({
          name: 'app',
          secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:012345678910:parameter/db' }],
          environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::config-bucket/app.env' }],
        }),
      ],
    });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message:
        'Task definition hello_world:8: none of its 0 environment variable(s) looks like a secret (1 from secrets); environmentFiles of app not inspected',
    });
  });

  it('bounds a hostile variable name in the message and is NOT_APPLICABLE without containers', () => {
    const outcome = runCheck(check, withEnvironment([{ name: `${'A'.repeat(500)}_TOKEN`, value: 'v' }]));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.length).toBeLessThan(200);
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
