import { describe, expect, it } from 'vitest';
import {
  accountOfPrincipal,
  MAX_POLICY_CHARACTERS,
  PolicyParseError,
  parsePolicyDocument,
  statementLabel,
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

describe('parsePolicyDocument on hostile input', () => {
  it('refuses a document over MAX_POLICY_CHARACTERS as text, URL-encoded text or an object', () => {
    const statement = { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' };
    const huge = { Version: '2012-10-17', Statement: Array.from({ length: 1_000 }, () => statement) };
    const text = JSON.stringify(huge);
    expect(text.length).toBeGreaterThan(MAX_POLICY_CHARACTERS);
    expect(() => parsePolicyDocument(text)).toThrow(
      `the policy is ${text.length} characters long; at most 32768 are read`,
    );
    expect(() => parsePolicyDocument(encodeURIComponent(text))).toThrow(PolicyParseError);
    expect(() => parsePolicyDocument(huge)).toThrow('the policy is over 32768 characters long');
  });

  it('refuses a document nested 100,000 deep with a PolicyParseError, not a stack overflow', () => {
    let deep: unknown = 'ecr:*';
    for (let level = 0; level < 100_000; level += 1) deep = { Condition: deep };
    expect(() => parsePolicyDocument({ Statement: [{ Effect: 'Allow', Action: deep }] })).toThrow(
      PolicyParseError,
    );
  });
});

describe('accountOfPrincipal and statementLabel', () => {
  it('finds the account of an account id, an IAM or STS ARN, and of nothing else', () => {
    expect(accountOfPrincipal('arn:aws:iam::444455556666:role/ci')).toBe('444455556666');
    expect(accountOfPrincipal('111122223333')).toBe('111122223333');
    expect(accountOfPrincipal('arn:aws:sts::444455556666:assumed-role/ci/session')).toBe('444455556666');
    expect(accountOfPrincipal('arn:aws-cn:iam::444455556666:root')).toBe('444455556666');
    expect(accountOfPrincipal('*')).toBeUndefined();
    expect(accountOfPrincipal('AROA1234567890EXAMPLE')).toBeUndefined();
    expect(accountOfPrincipal('arn:aws:s3:::444455556666')).toBeUndefined();
  });

  it('names a statement by index and Sid', () => {
    expect(statementLabel({ Sid: 'Admin' }, 0)).toBe('Statement[0] (Sid "Admin")');
    expect(statementLabel({ Sid: ' ' }, 2)).toBe('Statement[2]');
    expect(statementLabel({}, 1)).toBe('Statement[1]');
  });
});
