import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionImagesPinned as check } from '../../../src/catalog/ecs/ecs-task-definition-images-pinned.js';
import type { EcsContainer } from '../../../src/types/ecs.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const OWN_ECR = '012345678910.dkr.ecr.us-east-1.amazonaws.com';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const RUNNING = `sha256:${'b'.repeat(64)}`;

function withContainers(...containers: Partial<EcsContainer>[]) {
  return sampleTaskDefinition({
    containers: containers.map((overrides, index) => ecsContainer({ name: `c${index}`, ...overrides })),
  });
}

describe('ecs-task-definition-images-pinned', () => {
  it("fails AWS's sample, whose images have no tag (latest)", () => {
    // Prepare
    const definition = sampleTaskDefinition();
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 has unpinned images: wordpress (wordpress: no tag, so latest), mysql (mysql: no tag, so latest)',
    });
  });

  it('passes digests anywhere and non-latest tags in an IMMUTABLE repository of this account', () => {
    const outcome = runCheck(
      check,
      withContainers(
        { image: `nginx@${DIGEST}` },
        { image: `ghcr.io/acme/tool:2@${DIGEST}` },
        { image: `${OWN_ECR}/app:1.4.2`, ecrTagMutability: 'IMMUTABLE' },
      ),
    );
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('all 3 container image(s)');
  });

  it('never counts latest as pinned, even in an IMMUTABLE repository', () => {
    const outcome = runCheck(
      check,
      withContainers({ image: `${OWN_ECR}/app:latest`, ecrTagMutability: 'IMMUTABLE' }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('tag latest');
  });

  it('fails tags in MUTABLE, IMMUTABLE_WITH_EXCLUSION or unknown repositories, and tags elsewhere', () => {
    // Prepare
    const definition = withContainers(
      { image: `${OWN_ECR}/app:1`, ecrTagMutability: 'MUTABLE' },
      { image: `${OWN_ECR}/app:2`, ecrTagMutability: 'IMMUTABLE_WITH_EXCLUSION' },
      { image: `${OWN_ECR}/app:3` },
      { image: 'public.ecr.aws/nginx/nginx:1.27', ecrTagMutability: 'IMMUTABLE' },
    );
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (');
    expect(outcome.message).toContain('tag mutability MUTABLE');
    expect(outcome.message).toContain('tag mutability IMMUTABLE_WITH_EXCLUSION');
    expect(outcome.message).toContain('tag mutability unknown');
    expect(outcome.message).toContain("tag 1.27 outside this account's ECR");
  });

  it('names the digests the container runs with, at most three', () => {
    const digests = [
      RUNNING,
      `sha256:${'c'.repeat(64)}`,
      `sha256:${'d'.repeat(64)}`,
      `sha256:${'e'.repeat(64)}`,
    ];
    const outcome = runCheck(check, withContainers({ image: 'nginx:1.27', runningDigests: digests }));
    expect(outcome.message).toContain(`running ${RUNNING}`);
    expect(outcome.message).toContain('and 1 more');
    expect(outcome.message).not.toContain('e'.repeat(64));
  });

  it('names containers without an image or with an unparseable one; no containers is not applicable', () => {
    const outcome = runCheck(check, withContainers({ image: undefined }, { image: 'UPPER/Case:tag' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (no image)');
    expect(outcome.message).toContain('c1 (image unreadable:');
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
