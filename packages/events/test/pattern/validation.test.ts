import { describe, expect, it } from 'vitest';
import {
  type EventPattern,
  EventPatternError,
  matchesEventPattern,
  validateEventPattern,
} from '../../src/index.js';

function problemOf(pattern: unknown): EventPatternError {
  try {
    validateEventPattern(pattern);
  } catch (error) {
    if (error instanceof EventPatternError) return error;
    throw error;
  }
  throw new Error(`pattern was accepted: ${JSON.stringify(pattern)}`);
}

describe('validateEventPattern', () => {
  it('accepts the documented operators', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      source: [{ prefix: { 'equals-ignore-case': 'AWS.' } }, { suffix: { 'equals-ignore-case': '.ECR' } }],
      detail: {
        state: [{ 'anything-but': { wildcard: ['init*', 'stop*'] } }, null, true, 3],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'source-ip': [{ cidr: '2001:db8::/32' }],
        FilePath: [{ wildcard: 'dir/*.png' }],
        gone: [{ exists: false }],
      },
      $or: [{ account: ['123456789012'] }, { region: [{ 'anything-but': ['us-east-1'] }] }],
    };
    expect(() => validateEventPattern(pattern)).not.toThrow();
  });

  it('rejects a pattern that is not an object', () => {
    expect(problemOf(['aws.ecr']).message).toBe(
      'Invalid event pattern at $: an event pattern must be a JSON object',
    );
    expect(problemOf(null).path).toBe('$');
  });

  it('rejects an empty pattern', () => {
    expect(problemOf({}).message).toContain('must not be empty');
  });

  it('rejects a leaf that is not an array, naming its path', () => {
    const error = problemOf({ detail: { state: 'running' } });
    expect(error.path).toBe('$.detail.state');
    expect(error.message).toBe('Invalid event pattern at $.detail.state: must be an object or an array');
  });

  it('rejects an empty array', () => {
    expect(problemOf({ source: [] }).message).toBe(
      'Invalid event pattern at $.source: a leaf array must not be empty',
    );
  });

  it('rejects an unknown operator, naming it and its position', () => {
    const error = problemOf({ detail: { state: ['running', { contains: 'run' }] } });
    expect(error.path).toBe('$.detail.state[1]');
    expect(error.problem).toBe('unknown operator "contains"');
  });

  it('rejects a content filter with several or no operators', () => {
    expect(problemOf({ a: [{ prefix: 'a', suffix: 'b' }] }).problem).toContain('exactly one operator');
    expect(problemOf({ a: [{}] }).problem).toContain('exactly one operator');
  });

  it('rejects nested arrays as match values and odd field names are quoted in the path', () => {
    expect(problemOf({ a: [['x']] }).path).toBe('$.a[0]');
    expect(problemOf({ 'user name': [] }).path).toBe('$["user name"]');
  });

  it('rejects operands of the wrong type', () => {
    expect(problemOf({ a: [{ prefix: 1 }] }).message).toBe(
      'Invalid event pattern at $.a[0].prefix: prefix must be a string',
    );
    expect(problemOf({ a: [{ prefix: { 'equals-ignore-case': 1 } }] }).path).toBe(
      '$.a[0].prefix.equals-ignore-case',
    );
    expect(problemOf({ a: [{ prefix: { wildcard: 'x' } }] }).problem).toContain('prefix takes a string');
    expect(problemOf({ a: [{ 'equals-ignore-case': 5 }] }).problem).toBe(
      'equals-ignore-case must be a string',
    );
    expect(problemOf({ a: [{ exists: 'true' }] }).problem).toBe('exists must be true or false');
    expect(problemOf({ a: [{ cidr: 10 }] }).problem).toBe('cidr must be a string');
  });

  describe('numeric', () => {
    it('rejects a range in the wrong order', () => {
      const error = problemOf({ detail: { price: [{ numeric: ['>', 20, '<', 10] }] } });
      expect(error.path).toBe('$.detail.price[0].numeric');
      expect(error.problem).toBe('numeric range bottom 20 must be less than top 10');
      expect(problemOf({ p: [{ numeric: ['>', 10, '<', 10] }] }).problem).toContain('must be less than top');
      expect(problemOf({ p: [{ numeric: ['<', 20, '>', 10] }] }).problem).toContain(
        'starts with ">" or ">="',
      );
      expect(problemOf({ p: [{ numeric: ['>', 10, '>', 20] }] }).problem).toContain('ends with "<" or "<="');
      expect(problemOf({ p: [{ numeric: ['=', 10, '<', 20] }] }).problem).toContain(
        'starts with ">" or ">="',
      );
    });

    it('rejects unknown operators, non-numbers and wrong lengths', () => {
      expect(problemOf({ p: [{ numeric: ['!=', 1] }] }).problem).toContain(
        'unrecognized numeric operator "!="',
      );
      expect(problemOf({ p: [{ numeric: ['>', '1'] }] }).problem).toBe(
        'the value after ">" must be a number',
      );
      expect(problemOf({ p: [{ numeric: ['>'] }] }).problem).toContain('one comparison');
      expect(problemOf({ p: [{ numeric: ['>', 0, '<', 5, '<', 6] }] }).problem).toContain('one comparison');
      expect(problemOf({ p: [{ numeric: 5 }] }).problem).toContain('numeric must be an array');
    });
  });

  describe('cidr', () => {
    it('rejects malformed blocks', () => {
      expect(problemOf({ ip: [{ cidr: '10.0.0.0' }] }).problem).toContain('exactly one "/"');
      expect(problemOf({ ip: [{ cidr: '10.0.0.0/x' }] }).problem).toContain('mask bits must be an integer');
      expect(problemOf({ ip: [{ cidr: '10.0.0.0/33' }] }).problem).toContain('between 0 and 32');
      expect(problemOf({ ip: [{ cidr: '2001:db8::/129' }] }).problem).toContain('between 0 and 128');
      expect(problemOf({ ip: [{ cidr: '10.0.300.0/24' }] }).problem).toContain('is not an IP address');
      expect(problemOf({ ip: [{ cidr: '2001:db8:::1/64' }] }).problem).toContain('is not an IP address');
    });
  });

  describe('wildcard', () => {
    it('rejects consecutive stars and invalid escapes', () => {
      expect(problemOf({ f: [{ wildcard: 'a**b' }] }).problem).toBe(
        'consecutive wildcard characters at position 2',
      );
      expect(problemOf({ f: [{ wildcard: 'a\\b' }] }).problem).toContain('invalid escape at position 1');
      expect(problemOf({ f: [{ wildcard: 'a\\' }] }).problem).toContain('invalid escape');
    });
  });

  describe('anything-but', () => {
    it('rejects mixed, empty and non-string/number lists', () => {
      expect(problemOf({ s: [{ 'anything-but': ['a', 1] }] }).problem).toBe(
        'anything-but list must hold only strings or only numbers',
      );
      expect(problemOf({ s: [{ 'anything-but': [] }] }).problem).toBe('anything-but list must not be empty');
      expect(problemOf({ s: [{ 'anything-but': [null] }] }).problem).toContain(
        'only strings or only numbers',
      );
      expect(problemOf({ s: [{ 'anything-but': true }] }).problem).toContain('anything-but takes a string');
    });

    it('rejects unsupported or malformed nested filters', () => {
      expect(problemOf({ s: [{ 'anything-but': { numeric: ['>', 1] } }] }).problem).toBe(
        'unsupported anything-but filter "numeric"',
      );
      expect(problemOf({ s: [{ 'anything-but': { prefix: ['a', 'b'] } }] }).problem).toBe(
        'anything-but prefix must be a single string',
      );
      expect(problemOf({ s: [{ 'anything-but': { suffix: '' } }] }).problem).toBe(
        'anything-but suffix must not be empty',
      );
      expect(problemOf({ s: [{ 'anything-but': { wildcard: ['a**'] } }] }).problem).toContain('consecutive');
      expect(problemOf({ s: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] }).problem).toContain(
        'exactly one',
      );
    });
  });

  describe('$or', () => {
    it('rejects fewer than two alternatives', () => {
      expect(problemOf({ $or: [{ source: ['aws.ecr'] }] }).message).toBe(
        'Invalid event pattern at $.$or: $or must be an array of at least two patterns',
      );
      expect(problemOf({ $or: { source: ['aws.ecr'] } }).problem).toContain('at least two');
    });

    it('rejects invalid alternatives with their index', () => {
      expect(problemOf({ detail: { $or: [{ a: ['x'] }, 'b'] } }).path).toBe('$.detail.$or[1]');
      expect(problemOf({ $or: [{ a: ['x'] }, { b: 'y' }] }).path).toBe('$.$or[1].b');
    });
  });

  it('makes matchesEventPattern throw for an invalid pattern', () => {
    const invalid: unknown = { source: [{ prefix: 1 }] };
    expect(() => matchesEventPattern(invalid as EventPattern, { source: 'x' })).toThrow(EventPatternError);
  });
});
