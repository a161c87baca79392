import { describe, expect, it } from 'vitest';
import { ecrRepositoryPushRestricted as check } from '../../../src/catalog/ecr/ecr-repository-push-restricted.js';
import { parsePolicyDocument } from '../../../src/policy/index.js';
import type { PolicyStatement } from '../../../src/types/policy.js';
import {
  ALLOW_CODEBUILD_PULL,
  ALLOW_CROSS_ACCOUNT_PUSH,
  ALLOW_PUSH_PULL,
  OTHER_ACCOUNT,
  PUBLIC_PULL_POLICY_TEXT,
  PULL_ACTIONS,
  repositoryPolicy,
} from '../../helpers/ecr.js';
import { ecrRepository } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const crossAccount = (overrides: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 'Other',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/ci` },
  ...overrides,
});

describe('ecr-repository-push-restricted', () => {
  it('passes when the repository has no policy', () => {
    expect(runCheck(check, ecrRepository({ policy: null }))).toEqual({
      status: 'PASS',
      message: 'Repository team/app has no repository policy; only its own account can push',
    });
  });

  it("passes when only the account's users can push and others can only pull", () => {
    // Prepare
    const pullOnly = crossAccount({ Sid: 'CrossAccountPull', Action: PULL_ACTIONS });
    const repository = ecrRepository({
      policy: repositoryPolicy(ALLOW_PUSH_PULL, ALLOW_CODEBUILD_PULL, pullOnly),
    });
    // Act
    const outcome = runCheck(check, repository);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Repository team/app policy lets no principal outside the account and trustedAccounts push',
    });
  });

  it('passes on a public pull-only policy (the not-public check covers that)', () => {
    const repository = ecrRepository({ policy: parsePolicyDocument(PUBLIC_PULL_POLICY_TEXT) });
    expect(runCheck(check, repository).status).toBe('PASS');
  });

  it("fails on the ECR User Guide's cross-account push example, naming the actions and principal", () => {
    const outcome = runCheck(check, ecrRepository({ policy: repositoryPolicy(ALLOW_CROSS_ACCOUNT_PUSH) }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Repository team/app policy lets principals outside the account and trustedAccounts push: Statement[0] (Sid "AllowCrossAccountPush") allows ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload to arn:aws:iam::444455556666:root',
    });
  });

  it('passes when the other account is in trustedAccounts', () => {
    const repository = ecrRepository({ policy: repositoryPolicy(ALLOW_CROSS_ACCOUNT_PUSH) });
    expect(runCheck(check, repository, { trustedAccounts: [OTHER_ACCOUNT] }).status).toBe('PASS');
  });

  it.each([
    ['ecr:*', { Action: 'ecr:*' }],
    ['*', { Action: '*' }],
    ['a single push action as a string', { Action: 'ecr:PutImage' }],
    ['a lower-case wildcard', { Action: ['ecr:put*'] }],
    ['a NotAction that leaves push in', { NotAction: ['ecr:DeleteRepository', 'ecr:SetRepositoryPolicy'] }],
  ])('fails when push is granted through %s', (_form, grant) => {
    const repository = ecrRepository({ policy: repositoryPolicy(crossAccount(grant)) });
    expect(runCheck(check, repository).status).toBe('FAIL');
  });

  it('passes when a NotAction excludes every push action', () => {
    const statement = crossAccount({ NotAction: ['ecr:PutImage', 'ecr:*Layer*'] });
    expect(runCheck(check, ecrRepository({ policy: repositoryPolicy(statement) })).status).toBe('PASS');
  });

  it('fails when push is granted to "*" or a bare account id outside the account', () => {
    const everyone = crossAccount({ Sid: 'Everyone', Principal: '*', Action: 'ecr:*' });
    const bareAccount = crossAccount({
      Sid: 'Bare',
      Principal: { AWS: OTHER_ACCOUNT },
      Action: 'ecr:PutImage',
    });
    const outcome = runCheck(check, ecrRepository({ policy: repositoryPolicy(everyone, bareAccount) }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(
      'Statement[0] (Sid "Everyone") allows ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload to principal "*"',
    );
    expect(outcome.message).toContain(`Statement[1] (Sid "Bare") allows ecr:PutImage to ${OTHER_ACCOUNT}`);
  });

  it("does not count a deleted role's unique id as outside: it names no one (as in iam-role-trust-restricted)", () => {
    // IAM shows a unique id once the named role is deleted; a new role of the same name does not match it.
    const orphan = crossAccount({ Principal: { AWS: 'AROAEXAMPLEID1234567' }, Action: 'ecr:PutImage' });
    const outcome = runCheck(check, ecrRepository({ policy: repositoryPolicy(orphan) }));
    expect(outcome.status).toBe('PASS');
  });

  it('ignores Deny statements and service principals', () => {
    const deny = crossAccount({ Effect: 'Deny', Principal: '*', Action: 'ecr:PutImage' });
    const service: PolicyStatement = {
      Effect: 'Allow',
      Principal: { Service: 'codebuild.amazonaws.com' },
      Action: ['ecr:PutImage'],
    };
    expect(runCheck(check, ecrRepository({ policy: repositoryPolicy(deny, service) })).status).toBe('PASS');
  });
});
