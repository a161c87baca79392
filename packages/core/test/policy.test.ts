import { describe, expect, it } from 'vitest';
import {
  accountOfPrincipal,
  actionMatches,
  conditionKeys,
  isPublicPrincipal,
  PolicyParseError,
  parsePolicyDocument,
  principalValues,
} from '../src/policy/index.js';

// The repository policy from AWS's `aws ecr get-repository-policy` example.
const ecrPolicyText =
  '{\n  "Version" : "2008-10-17",\n  "Statement" : [ {\n    "Sid" : "allow public pull",\n    "Effect" : "Allow",\n    "Principal" : "*",\n    "Action" : [ "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ]\n  } ]\n}';

describe('parsePolicyDocument', () => {
  it('reads a JSON string as ECR returns it', () => {
    const policy = parsePolicyDocument(ecrPolicyText);
    expect(policy.Version).toBe('2008-10-17');
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]?.Principal).toBe('*');
  });

  it('reads URL-encoded JSON as IAM GetRole returns it', () => {
    const encoded = encodeURIComponent(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    );
    expect(parsePolicyDocument(encoded).Statement[0]?.Principal).toEqual({ Service: 'ec2.amazonaws.com' });
  });

  it('turns a single Statement object into a list', () => {
    const policy = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
    });
    expect(policy.Statement).toEqual([{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }]);
  });

  it('says what is wrong with a bad policy', () => {
    expect(() => parsePolicyDocument('<URL-encoded-JSON>')).toThrow(PolicyParseError);
    expect(() => parsePolicyDocument('<URL-encoded-JSON>')).toThrow(
      'the policy text is not JSON: <URL-encoded-JSON>',
    );
    expect(() => parsePolicyDocument({ Version: '2012-10-17' })).toThrow('the policy has no Statement');
    expect(() => parsePolicyDocument({ Statement: [{ Effect: 'Maybe' }] })).toThrow(
      'Statement[0].Effect is "Maybe", not Allow or Deny',
    );
  });
});

describe('statement helpers', () => {
  it('matches IAM action wildcards case-insensitively', () => {
    expect(actionMatches('ecr:*', 'ecr:PutImage')).toBe(true);
    expect(actionMatches('ECR:put*', 'ecr:PutImage')).toBe(true);
    expect(actionMatches('ecr:Get?ownloadUrlForLayer', 'ecr:GetDownloadUrlForLayer')).toBe(true);
    expect(actionMatches('ecr:Batch*', 'ecr:PutImage')).toBe(false);
    expect(actionMatches('*', 'eks:DeleteCluster')).toBe(true);
  });

  it('recognises public principals', () => {
    expect(isPublicPrincipal('*')).toBe(true);
    expect(isPublicPrincipal({ AWS: '*' })).toBe(true);
    expect(isPublicPrincipal({ AWS: ['arn:aws:iam::111122223333:root', '*'] })).toBe(true);
    expect(isPublicPrincipal({ Service: 'ec2.amazonaws.com' })).toBe(false);
    expect(isPublicPrincipal(undefined)).toBe(false);
  });

  it('lists principals and their accounts', () => {
    expect(
      principalValues({
        AWS: ['111122223333', 'arn:aws:iam::444455556666:role/ci'],
        Service: 'eks.amazonaws.com',
      }),
    ).toEqual([
      { kind: 'AWS', value: '111122223333' },
      { kind: 'AWS', value: 'arn:aws:iam::444455556666:role/ci' },
      { kind: 'Service', value: 'eks.amazonaws.com' },
    ]);
    expect(accountOfPrincipal('arn:aws:iam::444455556666:role/ci')).toBe('444455556666');
    expect(accountOfPrincipal('111122223333')).toBe('111122223333');
    expect(accountOfPrincipal('arn:aws:sts::444455556666:assumed-role/ci/session')).toBe('444455556666');
    expect(accountOfPrincipal('*')).toBeUndefined();
  });

  it('lists condition keys lower-cased', () => {
    const keys = conditionKeys({
      Effect: 'Allow',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc', 'sts:ExternalId': 'x' } },
    });
    expect(keys).toEqual(['aws:principalorgid', 'sts:externalid']);
  });
});
