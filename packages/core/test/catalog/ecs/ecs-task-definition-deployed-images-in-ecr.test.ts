import { describe, expect, it } from 'vitest';
import { IN_ECR } from '../../../src/catalog/deployed/index.js';
import {
  deletedImage,
  ECS_IMAGE,
  ecsRunning,
  elsewhereImage,
  foundImage,
  RUNNING,
} from '../../helpers/deployed.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const check = IN_ECR.ecs;
const IMAGE = ECS_IMAGE;

describe('ecs-task-definition-deployed-images-in-ecr', () => {
  it('passes a revision a service runs whose images are in ECR, scanned clean, signed and fresh', () => {
    // Prepare
    const definition = ecsRunning({ deployedImages: [foundImage({ tagDigest: RUNNING })] });
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toMatch(/^Task definition hello_world:8 runs images still in ECR: c0 \(/);
  });

  it('fails naming the container, the reference and the clipped digest', () => {
    const outcome = runCheck(
      check,
      ecsRunning({ deployedImages: [foundImage()] }, { deployedImages: [deletedImage()] }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Task definition hello_world:8 runs images deleted from ECR: c1 (${IMAGE}, team/app@sha256:aaaaaaaaaaaa…: still runs, deleted from ECR (ImageNotFoundException))`,
    });
  });

  it('fails a malformed image reference by name', () => {
    const outcome = runCheck(check, ecsRunning({ image: 'Team/App:v1', deployedImages: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (image "Team/App:v1" is malformed: ');
  });

  it('does not apply to a latest revision that no service or task runs', () => {
    const definition = sampleTaskDefinition({
      containers: [ecsContainer({ image: IMAGE, deployedImages: [deletedImage()] })],
    });
    expect(runCheck(check, definition)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 is not run by any service or task',
    });
  });

  it('does not apply when every image is outside ECR', () => {
    const outcome = runCheck(
      check,
      ecsRunning({ image: `nginx@${RUNNING}`, deployedImages: [elsewhereImage()] }),
    );
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.message).toContain('not in ECR');
  });
});
