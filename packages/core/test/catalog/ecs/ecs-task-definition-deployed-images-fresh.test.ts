import { describe, expect, it } from 'vitest';
import { FRESH } from '../../../src/catalog/deployed/index.js';
import {
  deletedImage,
  ECS_IMAGE,
  ecsRunning,
  elsewhereImage,
  foundImage,
  MOVED,
  RUNNING,
} from '../../helpers/deployed.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const check = FRESH.ecs;
const IMAGE = ECS_IMAGE;

describe('ecs-task-definition-deployed-images-fresh', () => {
  it('passes a revision a service runs whose images are in ECR, scanned clean, signed and fresh', () => {
    // Prepare
    const definition = ecsRunning({ deployedImages: [foundImage({ tagDigest: RUNNING })] });
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toMatch(
      /^Task definition hello_world:8 runs fresh images whose tag has not moved: c0 \(/,
    );
  });

  it('fails naming the container, the reference and the clipped digest', () => {
    const outcome = runCheck(
      check,
      ecsRunning({ deployedImages: [foundImage()] }, { deployedImages: [foundImage({ tagDigest: MOVED })] }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Task definition hello_world:8 runs stale or drifted images: c1 (${IMAGE}, team/app@sha256:aaaaaaaaaaaa…: tag v1 now points at sha256:bbbbbbbbbbbb…: drift)`,
    });
  });

  it('fails a malformed image reference by name', () => {
    const outcome = runCheck(check, ecsRunning({ image: 'Team/App:v1', deployedImages: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (image "Team/App:v1" is malformed: ');
  });

  it('does not apply to a latest revision that no service or task runs', () => {
    const definition = sampleTaskDefinition({
      containers: [ecsContainer({ image: IMAGE, deployedImages: [foundImage({ tagDigest: MOVED })] })],
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

  it('fails an image pushed more than imageMaxAgeDays ago, and honours the configured limit', () => {
    const old = ecsRunning({ deployedImages: [foundImage({ pushedAt: new Date('2026-01-01T00:00:00Z') })] });
    expect(runCheck(check, old).status).toBe('FAIL');
    expect(runCheck(check, old, { imageMaxAgeDays: 365 }).status).toBe('PASS');
    expect(runCheck(check, ecsRunning({ deployedImages: [elsewhereImage()] })).status).toBe('NOT_APPLICABLE');
  });
});
