import { describe, expect, it } from 'vitest';
import { ecrRepositoryNotPublic } from '../../src/catalog/ecr/ecr-repository-not-public.js';
import { ecrRepositoryPushRestricted } from '../../src/catalog/ecr/ecr-repository-push-restricted.js';
import { iamPolicyNoAdmin } from '../../src/catalog/iam/iam-policy-no-admin.js';
import { iamPolicyNoContainerWildcard } from '../../src/catalog/iam/iam-policy-no-container-wildcard.js';
import { iamRoleTrustRestricted } from '../../src/catalog/iam/iam-role-trust-restricted.js';
import { parsePolicyDocument } from '../../src/policy/index.js';
import type { PolicyStatement } from '../../src/types/policy.js';
import { OTHER_ACCOUNT, OWN_ACCOUNT, PULL_ACTIONS, repositoryPolicy } from '../helpers/ecr.js';
import { managedPolicy } from '../helpers/iam.js';
import { ecrRepository, iamRole } from '../helpers/resources.js';
import { runCheck } from '../helpers/run-check.js';

/**
 * Issue 10, "Policy semantics": the checks that read policies each walked statements their own
 * way. Each describe is one inconsistency that was seen; every check now asks the one evaluator.
 */
const PUSH = ['ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload'];
const document = (...statements: unknown[]) =>
  parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
const identity = (...statements: unknown[]) => managedPolicy('ops', document(...statements));
const repository = (...statements: PolicyStatement[]) =>
  ecrRepository({ policy: repositoryPolicy(...statements) });
const role = (...statements: unknown[]) => iamRole({ name: 'ci', trustPolicy: document(...statements) });

describe('an explicit Deny takes away what an Allow in the same policy grants', () => {
  it('iam-policy-no-admin: Allow "*" on "*" with Deny "*" on everything is no administrator', () => {
    const outcome = runCheck(
      iamPolicyNoAdmin,
      identity(
        { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'Frozen', Effect: 'Deny', Action: '*', Resource: '*' },
      ),
    );
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Policy ops does not allow Action "*" on Resource "*": Statement[0] (Sid "All") would, but Statement[1] (Sid "Frozen") denies part of it',
    });
  });

  it('iam-policy-no-container-wildcard: Allow ecr:* with Deny ecr:* grants no ecr:*', () => {
    const outcome = runCheck(
      iamPolicyNoContainerWildcard,
      identity(
        { Effect: 'Allow', Action: 'ecr:*', Resource: '*' },
        { Effect: 'Deny', Action: 'ecr:*', Resource: '*' },
      ),
    );
    expect(outcome.status).toBe('PASS');
  });

  it('ecr-repository-push-restricted: Allow ecr:* to an outsider with Deny of the push actions lets no outsider push', () => {
    const grant: PolicyStatement = {
      Sid: 'Partner',
      Effect: 'Allow',
      Principal: { AWS: OTHER_ACCOUNT },
      Action: 'ecr:*',
    };
    const denyPush: PolicyStatement = { Sid: 'NoPush', Effect: 'Deny', Principal: '*', Action: PUSH };
    const denyPutOnly: PolicyStatement = { ...denyPush, Action: 'ecr:PutImage' };
    expect(runCheck(ecrRepositoryPushRestricted, repository(grant, denyPush)).status).toBe('PASS');
    expect(runCheck(ecrRepositoryPushRestricted, repository(grant, denyPutOnly)).message).toBe(
      `Repository team/app policy lets principals outside the account and trustedAccounts push: Statement[0] (Sid "Partner") allows ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload to ${OTHER_ACCOUNT}`,
    );
  });

  it('ecr-repository-not-public: a public pull that a Deny to everyone takes away is not public', () => {
    const outcome = runCheck(
      ecrRepositoryNotPublic,
      repository(
        { Sid: 'PublicPull', Effect: 'Allow', Principal: '*', Action: PULL_ACTIONS },
        { Sid: 'NoOne', Effect: 'Deny', Principal: '*', Action: 'ecr:*' },
      ),
    );
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Repository team/app policy grants nothing to everyone; what Statement[0] (Sid "PublicPull") grants everyone, Statement[1] (Sid "NoOne") denies',
    });
  });

  it('iam-role-trust-restricted: a foreign account that a Deny of assume takes away is not trusted', () => {
    const outcome = runCheck(
      iamRoleTrustRestricted,
      role(
        { Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: { AWS: OTHER_ACCOUNT }, Action: 'sts:*' },
      ),
    );
    expect(outcome.status).toBe('PASS');
  });
});

describe('a condition that restricts "*" to the account itself is honoured by every check the same way', () => {
  const ownAccountOnly = { StringEquals: { 'aws:PrincipalAccount': OWN_ACCOUNT } };

  it('the same statement, "*" pinned to the account by aws:PrincipalAccount, passes every check that reads it', () => {
    // Prepare: one statement granting everything to "*", pinned to the account
    const statement: PolicyStatement = {
      Sid: 'AccountOnly',
      Effect: 'Allow',
      Principal: '*',
      Action: ['ecr:*', 'sts:AssumeRole'],
      Condition: ownAccountOnly,
    };
    // Act
    const outcomes = [
      runCheck(ecrRepositoryNotPublic, repository(statement)),
      runCheck(ecrRepositoryPushRestricted, repository(statement)),
      runCheck(iamRoleTrustRestricted, role(statement)),
    ];
    // Assess: before, push-restricted read "*" as outside whatever the condition said
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['PASS', 'PASS', 'PASS']);
  });

  it('and the same statement pinned to another account fails push and trust, but is not public', () => {
    const statement: PolicyStatement = {
      Effect: 'Allow',
      Principal: '*',
      Action: ['ecr:*', 'sts:AssumeRole'],
      Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } },
    };
    expect(runCheck(ecrRepositoryNotPublic, repository(statement)).status).toBe('PASS');
    expect(runCheck(ecrRepositoryPushRestricted, repository(statement)).status).toBe('FAIL');
    expect(runCheck(iamRoleTrustRestricted, role(statement)).status).toBe('FAIL');
  });

  it('an IfExists or negated form of it restricts no check', () => {
    const conditions: PolicyStatement['Condition'][] = [
      { StringEqualsIfExists: { 'aws:PrincipalAccount': OWN_ACCOUNT } },
      { StringNotEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } },
    ];
    for (const condition of conditions) {
      const statement: PolicyStatement = {
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:*', 'sts:AssumeRole'],
        Condition: condition,
      };
      expect(runCheck(ecrRepositoryNotPublic, repository(statement)).status).toBe('FAIL');
      expect(runCheck(ecrRepositoryPushRestricted, repository(statement)).status).toBe('FAIL');
      expect(runCheck(iamRoleTrustRestricted, role(statement)).status).toBe('FAIL');
    }
  });
});

describe('NotAction is understood by every check', () => {
  it('iam-policy-no-admin: NotAction iam:* is not "*", but with an Allow of iam:* it is', () => {
    const allButIam = { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' };
    expect(runCheck(iamPolicyNoAdmin, identity(allButIam)).status).toBe('PASS');
    const outcome = runCheck(
      iamPolicyNoAdmin,
      identity(allButIam, { Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Policy ops allows Action "*" on Resource "*" in Statement[0], Statement[1] (Sid "Iam")',
    });
  });

  it('iam-policy-no-container-wildcard: NotAction iam:* on "*" allows ecr:* and eks:* (before, it passed)', () => {
    const outcome = runCheck(
      iamPolicyNoContainerWildcard,
      identity({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Policy ops allows ecr:* and eks:* on Resource "*" in Statement[0]',
    });
    const notEcr = runCheck(
      iamPolicyNoContainerWildcard,
      identity({ Effect: 'Allow', NotAction: 'ecr:*', Resource: '*' }),
    );
    expect(notEcr.message).toBe('Policy ops allows eks:* on Resource "*" in Statement[0]');
  });

  it('iam-role-trust-restricted: a NotAction that leaves out the assume actions trusts no one (before, any NotAction failed)', () => {
    const foreign = { Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT } };
    expect(runCheck(iamRoleTrustRestricted, role({ ...foreign, NotAction: 'sts:*' })).status).toBe('PASS');
    expect(runCheck(iamRoleTrustRestricted, role({ ...foreign, NotAction: 'sts:TagSession' })).status).toBe(
      'FAIL',
    );
  });

  it('ecr-repository-not-public: a public NotAction names what it grants', () => {
    const outcome = runCheck(
      ecrRepositoryNotPublic,
      repository({
        Effect: 'Allow',
        Principal: '*',
        NotAction: ['ecr:DeleteRepository', 'ecr:SetRepositoryPolicy'],
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(
      'Statement[0] allows every action but ecr:DeleteRepository, ecr:SetRepositoryPolicy',
    );
  });
});
