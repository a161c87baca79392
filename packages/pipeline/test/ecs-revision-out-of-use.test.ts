import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SnapshotCollector } from '@customs/aws';
import { CheckRegistry, DEFAULT_CONFIG, type EcsTaskDefinition, findingId } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecsSampleSnapshot } from '../../aws/test/helpers/ecs-samples.js';
import { writeSnapshot } from '../../aws/test/helpers/snapshot-dir.js';
import { assessRefs } from '../src/assess-refs.js';
import type { PipelineDependencies } from '../src/index.js';

/** describe-task-definition's account and region: the snapshot is that account's. */
const ACCOUNT = '012345678910';
const REGION = 'us-east-1';
const HELLO_8 = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/hello_world:8`;

/**
 * A check of this test only (the ECS catalog is another change's): a password in the environment,
 * as a plain definition (defineCheck is core's own).
 */
const passwordInEnvironment = {
  id: 'ecs-task-definition-test-password-env',
  title: 'Test: no container has MYSQL_ROOT_PASSWORD in its environment',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'A password in plain environment variables is readable by anyone who can describe the task definition.',
  remediation: {
    text: 'Move the password to secrets (Secrets Manager or SSM Parameter Store).',
    cli: 'aws ecs register-task-definition --cli-input-json file://fixed.json',
    iac: { format: 'terraform', snippet: 'secrets = [{ name = "X", valueFrom = "arn" }]' },
  },
  mappings: {},
  reads: ['containers'],
  evaluate: (definition: EcsTaskDefinition) =>
    definition.containers.some((c) => c.environment.some((v) => v.name === 'MYSQL_ROOT_PASSWORD'))
      ? { status: 'FAIL' as const, message: `${definition.name} has MYSQL_ROOT_PASSWORD in its environment` }
      : {
          status: 'PASS' as const,
          message: `${definition.name} has no MYSQL_ROOT_PASSWORD in its environment`,
        },
};

describe('a task definition revision that drops out of use, through the pipeline on DynamoDB Local', () => {
  const dynamo = useDynamoDbLocal();
  let dir: string;
  let dependencies: PipelineDependencies;
  let repository: FindingsRepository;

  beforeAll(async () => {
    dir = await writeSnapshot({
      ...ecsSampleSnapshot(),
      'account.json': { accountId: ACCOUNT, region: REGION, capturedAt: '2026-11-28T12:00:00Z' },
    });
    repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    dependencies = {
      collector: await SnapshotCollector.open(dir, { rereadEachCollect: true }),
      repository,
      config: DEFAULT_CONFIG,
      // a plain definition: `reads` is typed by the resource only through core's defineCheck
      catalog: new CheckRegistry([
        passwordInEnvironment as unknown as Parameters<CheckRegistry['register']>[0],
      ]),
      clock: () => new Date(),
    };
  });

  it('resolves its findings with the reason "no longer in use", which the finding’s history keeps', async () => {
    // Prepare: hello_world:8 is its family's latest ACTIVE revision: assessed, and it fails
    const ref = { type: 'ecs-task-definition' as const, name: 'hello_world:8' };
    const opened = await assessRefs([ref], dependencies);
    expect(opened.changes.map((change) => change.transition)).toEqual(['opened']);
    // Act: hello_world:9 is registered; nothing runs hello_world:8
    await writeFile(
      join(dir, 'ecs/ListTaskDefinitions.json'),
      JSON.stringify({ taskDefinitionArns: [HELLO_8, HELLO_8.replace(/:8$/, ':9')] }),
    );
    const resolved = await assessRefs([ref], dependencies);
    // Assess
    expect(resolved.changes.map((change) => change.transition)).toEqual(['resolved']);
    const id = findingId('ecs-task-definition-test-password-env', HELLO_8);
    expect(await repository.getFinding(id)).toMatchObject({ state: 'RESOLVED' });
    const { items } = await repository.history(id);
    expect(items[0]).toMatchObject({
      transition: 'resolved',
      message: expect.stringContaining('ecs-task-definition hello_world:8 is no longer in use'),
    });
  });
});
