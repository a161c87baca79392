import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';

describe('anything-but', () => {
  it('excludes a single string', () => {
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matchesEventPattern(pattern, { detail: { state: 'running' } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { state: 'initializing' } })).toBe(false);
  });

  it('excludes a list of strings', () => {
    const pattern = { source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] };
    expect(matchesEventPattern(pattern, { source: 'aws.ecr' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 'aws.s3' })).toBe(false);
  });

  it('excludes numbers numerically', () => {
    const pattern = JSON.parse('{"detail": {"x-limit": [{"anything-but": [100, 2.0e2, 300]}]}}');
    expect(matchesEventPattern(pattern, { detail: { 'x-limit': 200 } })).toBe(false);
    expect(matchesEventPattern(pattern, { detail: { 'x-limit': 201 } })).toBe(true);
    expect(matchesEventPattern({ n: [{ 'anything-but': 123 }] }, { n: 123 })).toBe(false);
  });

  it('lets values of the other type through', () => {
    expect(matchesEventPattern({ n: [{ 'anything-but': [100] }] }, { n: '100' })).toBe(true);
    expect(matchesEventPattern({ s: [{ 'anything-but': 'x' }] }, { s: 7 })).toBe(true);
  });

  it('matches a null value but not a missing field', () => {
    const pattern = { detail: { command: [{ 'anything-but': ['no-message'] }] } };
    expect(matchesEventPattern(pattern, { detail: { command: null } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: {} })).toBe(false);
    expect(matchesEventPattern(pattern, { detail: { command: { nested: 'no-message' } } })).toBe(false);
  });

  it('on an event array, matches when any element is not excluded', () => {
    const pattern = { detail: { category: [{ 'anything-but': ['blocked'] }] } };
    expect(matchesEventPattern(pattern, { detail: { category: ['blocked'] } })).toBe(false);
    expect(matchesEventPattern(pattern, { detail: { category: ['blocked', 'ok'] } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { category: [] } })).toBe(false);
  });

  it('excludes a prefix', () => {
    const pattern = { source: [{ 'anything-but': { prefix: 'aws.' } }] };
    expect(matchesEventPattern(pattern, { source: 'com.example.app' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 'aws.ecr' })).toBe(false);
  });

  it('excludes a suffix', () => {
    const pattern = { FileName: [{ 'anything-but': { suffix: '.png' } }] };
    expect(matchesEventPattern(pattern, { FileName: 'a.jpg' })).toBe(true);
    expect(matchesEventPattern(pattern, { FileName: 'a.png' })).toBe(false);
  });

  it('excludes one or several values in any case', () => {
    const single = { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] };
    const list = { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OVERLOADED'] } }] };
    expect(matchesEventPattern(single, { state: 'INITIALIZING' })).toBe(false);
    expect(matchesEventPattern(single, { state: 'running' })).toBe(true);
    expect(matchesEventPattern(list, { state: 'overloaded' })).toBe(false);
    expect(matchesEventPattern(list, { state: 'running' })).toBe(true);
  });

  it('excludes one or several wildcards', () => {
    const single = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };
    const list = { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*.tmp'] } }] };
    expect(matchesEventPattern(single, { FilePath: '/usr/lib/x.so' })).toBe(false);
    expect(matchesEventPattern(single, { FilePath: '/usr/bin/x' })).toBe(true);
    expect(matchesEventPattern(list, { FilePath: '/home/a.tmp' })).toBe(false);
    expect(matchesEventPattern(list, { FilePath: '/home/a.txt' })).toBe(true);
  });
});
