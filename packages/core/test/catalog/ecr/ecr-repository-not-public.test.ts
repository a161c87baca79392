import { describe, expect, it } from 'vitest';
import { ecrRepositoryNotPublic as check } from '../../../src/catalog/ecr/ecr-repository-not-public.js';
import { parsePolicyDocument } from '../../../src/policy/index.js';
import type { PolicyStatement } from '../../../src/types/policy.js';
import {
  ALLOW_CODEBUILD_PULL,
  ALLOW_PUSH_PULL,
  PUBLIC_PULL_POLICY_TEXT,
  PULL_ACTIONS,
  repositoryPolicy,
} from '../../helpers/ecr.js';
import { ecrRepository } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const publicPull = (overrides: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Sid: 'PublicPull',
  Effect: 'Allow',
  Principal: '*',
  Action: PULL_ACTIONS,
  ...overrides,
});

describe('ecr-repository-not-public', () => {
  it('passes when the repository has no policy', () => {
    expect(runCheck(check, ecrRepository({ policy: null }))).toEqual({
      status: 'PASS',
      message: 'Repository team/app has no repository policy',
    });
  });

  it('passes when the policy names account principals and conditioned service principals', () => {
    const repository = ecrRepository({ policy: repositoryPolicy(ALLOW_PUSH_PULL, ALLOW_CODEBUILD_PULL) });
    expect(runCheck(check, repository)).toEqual({
      status: 'PASS',
      message: 'Repository team/app policy grants nothing to everyone',
    });
  });

  it("fails on AWS's published get-repository-policy example (public pull), naming the statement", () => {
    // Prepare
    const repository = ecrRepository({
      name: 'cluster-autoscaler',
      policy: parsePolicyDocument(PUBLIC_PULL_POLICY_TEXT),
    });
    // Act
    const outcome = runCheck(check, repository);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Repository cluster-autoscaler policy lets everyone in (principal "*" or a NotPrincipal, without an aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount or aws:SourceArn condition): Statement[0] (Sid "allow public pull") allows ecr:BatchCheckLayerAvailability, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer',
    });
  });

  it('fails on {"AWS": "*"} among other principals, and on a single-statement object', () => {
    const awsStar = ecrRepository({
      policy: repositoryPolicy(publicPull({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } })),
    });
    const singleStatement = ecrRepository({
      policy: parsePolicyDocument(
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"ecr:*"}}',
      ),
    });
    expect(runCheck(check, awsStar).status).toBe('FAIL');
    const outcome = runCheck(check, singleStatement);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('Statement[0] allows ecr:*');
  });

  it.each([
    ['aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
    ['aws:PrincipalAccount', { StringEquals: { 'aws:PrincipalAccount': ['111122223333', '444455556666'] } }],
    ['aws:SourceAccount', { StringEquals: { 'aws:SourceAccount': '111122223333' } }],
    ['aws:SourceArn', { ArnLike: { 'aws:SourceArn': 'arn:aws:codebuild:eu-west-1:111122223333:project/*' } }],
    ['a lower-case key', { StringEquals: { 'aws:principalorgid': 'o-a1b2c3d4e5' } }],
  ])('passes when a public statement is restricted by %s', (_key, condition) => {
    const repository = ecrRepository({ policy: repositoryPolicy(publicPull({ Condition: condition })) });
    expect(runCheck(check, repository).status).toBe('PASS');
  });

  it.each([
    ['an unrelated key', { Bool: { 'aws:SecureTransport': 'true' } }],
    ['a wildcard value', { StringLike: { 'aws:PrincipalOrgID': '*' } }],
    ['a negated operator', { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
    ['an IfExists operator', { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } }],
    ['a Null test', { Null: { 'aws:PrincipalOrgID': 'false' } }],
  ])('fails when the only condition is %s', (_kind, condition) => {
    const repository = ecrRepository({ policy: repositoryPolicy(publicPull({ Condition: condition })) });
    expect(runCheck(check, repository).status).toBe('FAIL');
  });

  it('ignores Deny statements with principal "*"', () => {
    const deny: PolicyStatement = {
      Sid: 'DenyDelete',
      Effect: 'Deny',
      Principal: '*',
      Action: 'ecr:DeleteRepository',
    };
    const repository = ecrRepository({ policy: repositoryPolicy(ALLOW_PUSH_PULL, deny) });
    expect(runCheck(check, repository).status).toBe('PASS');
  });

  it('fails on an Allow with NotPrincipal, which grants everyone but the named principals', () => {
    const notPrincipal: PolicyStatement = {
      Sid: 'AllButAdmin',
      Effect: 'Allow',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/Admin' },
      Action: PULL_ACTIONS,
    };
    const outcome = runCheck(check, ecrRepository({ policy: repositoryPolicy(notPrincipal) }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('Statement[0] (Sid "AllButAdmin") allows');
  });
});
