import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';

describe('exact values', () => {
  it('matches strings exactly and case-sensitively', () => {
    const pattern = { source: ['aws.ecr'] };
    expect(matchesEventPattern(pattern, { source: 'aws.ecr' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 'AWS.ECR' })).toBe(false);
    expect(matchesEventPattern(pattern, { source: 'aws.ecr ' })).toBe(false);
  });

  it('compares numbers numerically, whatever their JSON spelling', () => {
    // Prepare
    const pattern = JSON.parse('{"detail": {"x-limit": [300]}}');
    const event = JSON.parse('{"detail": {"x-limit": 3.0e2}}');
    // Act
    const matched = matchesEventPattern(pattern, event);
    // Assess
    expect(matched).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { 'x-limit': 300.5 } })).toBe(false);
  });

  it('keeps strings, numbers and booleans apart', () => {
    expect(matchesEventPattern({ n: [5] }, { n: '5' })).toBe(false);
    expect(matchesEventPattern({ n: ['5'] }, { n: 5 })).toBe(false);
    expect(matchesEventPattern({ b: [true] }, { b: 'true' })).toBe(false);
    expect(matchesEventPattern({ b: [true] }, { b: true })).toBe(true);
    expect(matchesEventPattern({ b: [false] }, { b: 0 })).toBe(false);
  });

  it('tells null, the empty string and a missing field apart', () => {
    const isNull = { detail: { v: [null] } };
    const isEmpty = { detail: { v: [''] } };
    expect(matchesEventPattern(isNull, { detail: { v: null } })).toBe(true);
    expect(matchesEventPattern(isNull, { detail: { v: '' } })).toBe(false);
    expect(matchesEventPattern(isNull, { detail: {} })).toBe(false);
    expect(matchesEventPattern(isEmpty, { detail: { v: '' } })).toBe(true);
    expect(matchesEventPattern(isEmpty, { detail: { v: null } })).toBe(false);
    expect(matchesEventPattern(isEmpty, { detail: {} })).toBe(false);
  });

  it('treats the values of a leaf array as alternatives', () => {
    const pattern = { detail: { state: ['stopped', 'terminated', 0] } };
    expect(matchesEventPattern(pattern, { detail: { state: 'terminated' } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { state: 0 } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { state: 'running' } })).toBe(false);
  });

  it('requires every field of the pattern (AND), ignoring extra event fields', () => {
    const pattern = { source: ['aws.ecr'], detail: { result: ['SUCCESS'], 'action-type': ['PUSH'] } };
    const event = {
      source: 'aws.ecr',
      id: 'x',
      detail: { result: 'SUCCESS', 'action-type': 'PUSH', extra: 1 },
    };
    expect(matchesEventPattern(pattern, event)).toBe(true);
    expect(matchesEventPattern(pattern, { ...event, detail: { result: 'SUCCESS' } })).toBe(false);
  });

  it('does not match a nested pattern against a scalar or missing object', () => {
    const pattern = { detail: { state: ['running'] } };
    expect(matchesEventPattern(pattern, { detail: 'running' })).toBe(false);
    expect(matchesEventPattern(pattern, { detail: null })).toBe(false);
    expect(matchesEventPattern(pattern, {})).toBe(false);
  });

  it('does not match a leaf against an object value', () => {
    expect(matchesEventPattern({ detail: ['x'] }, { detail: { x: 'x' } })).toBe(false);
  });

  it('reads only the event’s own fields, never inherited ones', () => {
    expect(matchesEventPattern({ constructor: [{ exists: true }] }, {})).toBe(false);
    expect(matchesEventPattern({ toString: [{ exists: false }] }, {})).toBe(true);
  });
});

describe('event arrays', () => {
  it('matches when any element of an event array matches (non-empty intersection)', () => {
    const pattern = { resources: ['arn:aws:ecr:us-east-1:123456789012:repository/app'] };
    const event = {
      resources: ['arn:aws:ecr:us-east-1:123456789012:repository/other', pattern.resources[0]],
    };
    expect(matchesEventPattern(pattern, event)).toBe(true);
    expect(
      matchesEventPattern(pattern, { resources: ['arn:aws:ecr:us-east-1:123456789012:repository/x'] }),
    ).toBe(false);
  });

  it('never matches a value against an empty event array', () => {
    expect(matchesEventPattern({ resources: [{ prefix: '' }] }, { resources: [] })).toBe(false);
  });

  it('looks inside nested arrays', () => {
    expect(matchesEventPattern({ tags: ['prod'] }, { tags: [['dev'], ['qa', ['prod']]] })).toBe(true);
  });

  it('matches a nested pattern against the objects of an event array', () => {
    const pattern = { detail: { resources: { type: ['AWS_ECR_CONTAINER_IMAGE'] } } };
    const event = {
      detail: { resources: [{ type: 'AWS_EC2_INSTANCE' }, { type: 'AWS_ECR_CONTAINER_IMAGE' }] },
    };
    expect(matchesEventPattern(pattern, event)).toBe(true);
  });

  it('matches all fields of a nested pattern within the same array element', () => {
    // Prepare
    const pattern = { employees: { firstName: ['Anna'], lastName: ['Jones'] } };
    const event = {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    };
    // Act
    const acrossElements = matchesEventPattern(pattern, event);
    const sameElement = matchesEventPattern(
      { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
      event,
    );
    // Assess
    expect(acrossElements).toBe(false);
    expect(sameElement).toBe(true);
  });
});
