import { describe, expect, it } from 'vitest';
import { ecrRepositoryTagImmutability as check } from '../../../src/catalog/ecr/ecr-repository-tag-immutability.js';
import { ecrRepository } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecr-repository-tag-immutability', () => {
  it.each(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'])('passes with %s', (setting) => {
    const outcome = runCheck(check, ecrRepository({ imageTagMutability: setting }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: `Repository team/app has imageTagMutability=${setting}`,
    });
  });

  it.each(['MUTABLE', 'MUTABLE_WITH_EXCLUSION'])('fails with %s, naming the setting', (setting) => {
    // Prepare
    const repository = ecrRepository({ name: 'ubuntu', imageTagMutability: setting });
    // Act
    const outcome = runCheck(check, repository);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Repository ubuntu has imageTagMutability=${setting}`,
    });
  });

  it('fails when the setting is absent, as ECR defaults to MUTABLE', () => {
    const outcome = runCheck(check, ecrRepository({ imageTagMutability: undefined }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Repository team/app has imageTagMutability=MUTABLE (default)',
    });
  });
});
