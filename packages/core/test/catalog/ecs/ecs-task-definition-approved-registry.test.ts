import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionApprovedRegistry as check } from '../../../src/catalog/ecs/ecs-task-definition-approved-registry.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

/** The sample's account and region (012345678910, us-east-1). */
const OWN_ECR = '012345678910.dkr.ecr.us-east-1.amazonaws.com';

function withImages(...images: (string | undefined)[]) {
  return sampleTaskDefinition({
    containers: images.map((image, index) => ecsContainer({ name: `c${index}`, image })),
  });
}

describe('ecs-task-definition-approved-registry', () => {
  it("fails AWS's sample (wordpress and mysql from Docker Hub), naming each container and docker.io", () => {
    // Prepare
    const definition = sampleTaskDefinition();
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 runs images from registries that are not approved: wordpress (docker.io: wordpress), mysql (docker.io: mysql)',
    });
  });

  it("passes this account's ECR in the task definition's region, pull-through cache prefixes included", () => {
    const outcome = runCheck(
      check,
      withImages(`${OWN_ECR}/app:1.2`, `${OWN_ECR}/docker-hub/library/nginx:1.27`),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('all 2 container image(s)');
  });

  it("fails another account's ECR, and this account's ECR in another region", () => {
    const outcome = runCheck(
      check,
      withImages(
        '999999999999.dkr.ecr.us-east-1.amazonaws.com/app:1',
        '012345678910.dkr.ecr.eu-west-1.amazonaws.com/app:1',
      ),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (999999999999.dkr.ecr.us-east-1.amazonaws.com');
    expect(outcome.message).toContain('c1 (012345678910.dkr.ecr.eu-west-1.amazonaws.com');
  });

  it('approves whole hosts and whole path-segment prefixes from approvedRegistries, never partial segments', () => {
    // Prepare
    const config = { approvedRegistries: ['public.ecr.aws', 'docker.io/library/', 'GHCR.io/acme'] };
    const definition = withImages(
      'public.ecr.aws/nginx/nginx:1.27',
      'nginx:1.27',
      'library/redis:7',
      'ghcr.io/acme/tool:2',
      'ghcr.io/acme-evil/tool:2',
      'docker.io/bitnami/redis:7',
    );
    // Act
    const outcome = runCheck(check, definition, config);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c4 (ghcr.io: ghcr.io/acme-evil/tool:2)');
    expect(outcome.message).toContain('c5 (docker.io: docker.io/bitnami/redis:7)');
    for (const approved of ['c0 ', 'c1 ', 'c2 ', 'c3 ']) expect(outcome.message).not.toContain(approved);
  });

  it('reads index.docker.io in the allowlist as docker.io', () => {
    const outcome = runCheck(check, withImages('nginx'), { approvedRegistries: ['index.docker.io'] });
    expect(outcome.status).toBe('PASS');
  });

  it('does not let an allowlisted host approve a longer host', () => {
    const outcome = runCheck(check, withImages('ghcr.io.evil.example/acme/tool:1'), {
      approvedRegistries: ['ghcr.io'],
    });
    expect(outcome.status).toBe('FAIL');
  });

  it('names containers without an image, with an empty one, or with one that does not parse', () => {
    const outcome = runCheck(check, withImages(undefined, '  ', 'Bad Image!!'));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (no image, registry unknown)');
    expect(outcome.message).toContain('c1 (no image, registry unknown)');
    expect(outcome.message).toContain('c2 (image unreadable:');
  });

  it('is not applicable to a task definition without containers', () => {
    const outcome = runCheck(check, sampleTaskDefinition({ containers: [] }));
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 has no container definitions',
    });
  });
});
