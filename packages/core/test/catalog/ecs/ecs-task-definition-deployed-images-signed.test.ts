import { describe, expect, it } from 'vitest';
import { SIGNED } from '../../../src/catalog/deployed/index.js';
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

const check = SIGNED.ecs;
const IMAGE = ECS_IMAGE;

describe('ecs-task-definition-deployed-images-signed', () => {
  it('passes a revision a service runs whose images are in ECR, scanned clean, signed and fresh', () => {
    // Prepare
    const definition = ecsRunning({ deployedImages: [foundImage({ tagDigest: RUNNING })] });
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toMatch(/^Task definition hello_world:8 runs signed images: c0 \(/);
  });

  it('fails naming the container, the reference and the clipped digest', () => {
    const outcome = runCheck(
      check,
      ecsRunning(
        { deployedImages: [foundImage()] },
        { deployedImages: [foundImage({ signingStatus: 'FAILED' })] },
      ),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Task definition hello_world:8 runs unsigned images: c1 (${IMAGE}, team/app@sha256:aaaaaaaaaaaa…: no signature: signingStatus=FAILED, referrers: none)`,
    });
  });

  it('fails a malformed image reference by name', () => {
    const outcome = runCheck(check, ecsRunning({ image: 'Team/App:v1', deployedImages: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (image "Team/App:v1" is malformed: ');
  });

  it('does not apply to a latest revision that no service or task runs', () => {
    const definition = sampleTaskDefinition({
      containers: [ecsContainer({ image: IMAGE, deployedImages: [foundImage({ signingStatus: 'FAILED' })] })],
    });
    expect(runCheck(check, definition)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 is not run by any service or task',
    });
  });

  it('leaves an image deleted from ECR to the in-ecr check: not applicable when nothing else runs', () => {
    const outcome = runCheck(check, ecsRunning({ deployedImages: [deletedImage()] }));
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.message).toContain('see the deployed-images-in-ecr check');
  });

  it('fails an image outside ECR: nothing to read', () => {
    const outcome = runCheck(
      check,
      ecsRunning({ image: `nginx@${RUNNING}`, deployedImages: [elsewhereImage()] }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (nginx@sha256:');
  });
});
