import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';

const present = { detail: { 'c-count': [{ exists: true }] } };
const absent = { detail: { 'c-count': [{ exists: false }] } };

describe('exists', () => {
  it('exists:true matches any leaf value, including null, false and the empty string', () => {
    for (const value of ['x', '', 0, false, null]) {
      expect(matchesEventPattern(present, { detail: { 'c-count': value } })).toBe(true);
    }
  });

  it('exists:false matches a missing field, and a missing parent', () => {
    expect(matchesEventPattern(absent, { detail: { state: 'running' } })).toBe(true);
    expect(matchesEventPattern(absent, { source: 'aws.ec2' })).toBe(true);
    expect(matchesEventPattern(present, { source: 'aws.ec2' })).toBe(false);
  });

  it('exists:false does not match a field holding null', () => {
    expect(matchesEventPattern(absent, { detail: { 'c-count': null } })).toBe(false);
  });

  it('only sees leaves: an object value counts as absent', () => {
    const event = { detail: { 'c-count': { c1: 100 } } };
    expect(matchesEventPattern(absent, event)).toBe(true);
    expect(matchesEventPattern(present, event)).toBe(false);
  });

  it('treats an empty array as absent and a non-empty one as present', () => {
    expect(matchesEventPattern(present, { detail: { 'c-count': [] } })).toBe(false);
    expect(matchesEventPattern(absent, { detail: { 'c-count': [] } })).toBe(true);
    expect(matchesEventPattern(present, { detail: { 'c-count': ['a'] } })).toBe(true);
    expect(matchesEventPattern(absent, { detail: { 'c-count': [null] } })).toBe(false);
  });

  it('combines with other alternatives of the same leaf (OR)', () => {
    const pattern = { detail: { state: [{ exists: false }, 'running'] } };
    expect(matchesEventPattern(pattern, { detail: {} })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { state: 'running' } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { state: 'stopped' } })).toBe(false);
  });
});
