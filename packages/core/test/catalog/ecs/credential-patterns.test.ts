import { describe, expect, it } from 'vitest';
import { credentialIn } from '../../../src/catalog/ecs/credential-patterns.js';

/** Token-shaped test values are built here, so no file holds a string a secret scanner would flag. */
const repeat = (text: string, times: number) => text.repeat(times);

describe('values that look like credentials', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
    [`key=ASIA${repeat('Q', 16)};`, 'an AWS access key id'],
    [`-----BEGIN RSA PRIVATE KEY-----\n${repeat('A', 64)}`, 'a private key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'a private key'],
    [`xoxb-${repeat('1', 12)}-abc`, 'a Slack token'],
    [`https://hooks.slack.com/services/T000/B000/${repeat('x', 24)}`, 'a Slack token'],
    [`ghp_${repeat('a1', 18)}`, 'a GitHub token'],
    [`github_pat_${repeat('B', 22)}`, 'a GitHub token'],
    [`glpat-${repeat('z', 20)}`, 'a GitLab token'],
    [`sk_live_${repeat('9', 24)}`, 'a Stripe secret key'],
    [`AIza${repeat('k', 35)}`, 'a Google API key'],
    [`npm_${repeat('n', 36)}`, 'an npm token'],
    ['postgres://app:hunter2@db.internal:5432/app', 'a URL with a password'],
  ])('finds %j: %s', (value, what) => {
    expect(credentialIn(value)).toBe(what);
  });

  it.each([
    '',
    'password',
    'AKIA-not-a-key',
    `AKIA${repeat('a', 16)}`,
    `ghp_${repeat('a', 35)}`,
    '-----BEGIN CERTIFICATE-----',
    'https://example.com/path?x=a:b@c',
    'postgres://app@db.internal/app',
    'arn:aws:secretsmanager:us-east-1:012345678910:secret:db-AbCdEf',
  ])('finds nothing in %j', (value) => {
    expect(credentialIn(value)).toBeUndefined();
  });

  it('scans huge, repetitive values to an answer (no backtracking)', () => {
    expect(credentialIn(repeat('AKIAa', 200_000))).toBeUndefined();
    expect(credentialIn(repeat('://:', 200_000))).toBeUndefined();
    expect(credentialIn(repeat('-----BEGIN ', 100_000))).toBeUndefined();
    expect(credentialIn(`${repeat('x', 1_000_000)}AKIAIOSFODNN7EXAMPLE`)).toBe('an AWS access key id');
  });
});
