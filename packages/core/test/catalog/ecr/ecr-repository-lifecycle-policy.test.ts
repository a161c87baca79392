import { describe, expect, it } from 'vitest';
import { ecrRepositoryLifecyclePolicy as check } from '../../../src/catalog/ecr/ecr-repository-lifecycle-policy.js';
import { ecrRepository } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

/** `lifecyclePolicyText` of AWS's `aws ecr get-lifecycle-policy` example output. */
const LIFECYCLE_POLICY_TEXT =
  '{"rules":[{"rulePriority":1,"description":"Expire images older than 14 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}';

describe('ecr-repository-lifecycle-policy', () => {
  it('passes when the repository has a lifecycle policy, counting its rules', () => {
    // Prepare
    const repository = ecrRepository({
      name: 'project-a/amazon-ecs-sample',
      lifecyclePolicy: LIFECYCLE_POLICY_TEXT,
    });
    // Act
    const outcome = runCheck(check, repository);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Repository project-a/amazon-ecs-sample has a lifecycle policy with 1 rule(s)',
    });
  });

  it('passes on a policy text it cannot parse, without counting rules', () => {
    const outcome = runCheck(check, ecrRepository({ lifecyclePolicy: 'not json' }));
    expect(outcome).toEqual({ status: 'PASS', message: 'Repository team/app has a lifecycle policy' });
  });

  it('fails when GetLifecyclePolicy returned no policy', () => {
    const outcome = runCheck(check, ecrRepository({ lifecyclePolicy: null }));
    expect(outcome).toEqual({ status: 'FAIL', message: 'Repository team/app has no lifecycle policy' });
  });
});
