import { describe, expect, it } from 'vitest';
import { SCANNED } from '../../../src/catalog/deployed/index.js';
import {
  deletedImage,
  ECS_IMAGE,
  ecsRunning,
  elsewhereImage,
  foundImage,
  RUNNING,
} from '../../helpers/deployed.js';
import { imageScan } from '../../helpers/ecr.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { evaluateWith } from '../../helpers/iam.js';
import { runCheck } from '../../helpers/run-check.js';

const check = SCANNED.ecs;
const IMAGE = ECS_IMAGE;

describe('ecs-task-definition-deployed-images-scanned', () => {
  it('passes a revision a service runs whose images are in ECR, scanned clean, signed and fresh', () => {
    // Prepare
    const definition = ecsRunning({ deployedImages: [foundImage({ tagDigest: RUNNING })] });
    // Act
    const outcome = runCheck(check, definition);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toMatch(
      /^Task definition hello_world:8 runs scanned images within the allowance: c0 \(/,
    );
  });

  it('fails naming the container, the reference and the clipped digest', () => {
    const outcome = runCheck(
      check,
      ecsRunning(
        { deployedImages: [foundImage()] },
        { deployedImages: [foundImage({ scan: imageScan({ severityCounts: { CRITICAL: 1 } }) })] },
      ),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Task definition hello_world:8 runs images not scanned or over the vulnerability allowance: c1 (${IMAGE}, team/app@sha256:aaaaaaaaaaaa…: 1 CRITICAL (maxCritical=0))`,
    });
  });

  it('fails a malformed image reference by name', () => {
    const outcome = runCheck(check, ecsRunning({ image: 'Team/App:v1', deployedImages: [] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0 (image "Team/App:v1" is malformed: ');
  });

  it('does not apply to a latest revision that no service or task runs', () => {
    const definition = sampleTaskDefinition({
      containers: [
        ecsContainer({
          image: IMAGE,
          deployedImages: [foundImage({ scan: imageScan({ severityCounts: { CRITICAL: 1 } }) })],
        }),
      ],
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

  it("is ERROR, with the reason, when an image's ECR state could not be read (another account's registry)", () => {
    // Prepare
    const definition = {
      ...ecsRunning({ image: `999999999999.dkr.ecr.us-east-1.amazonaws.com/team/app:v1` }),
      unreadable: { deployedImages: 'c0: AccessDenied: ecr:DescribeImages on 999999999999' },
    };
    // Act
    const finding = evaluateWith(check, definition);
    // Assess
    expect(finding.status).toBe('ERROR');
    expect(finding.message).toContain('AccessDenied: ecr:DescribeImages on 999999999999');
  });
});
