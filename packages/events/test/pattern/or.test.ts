import { describe, expect, it } from 'vitest';
import { type EventPattern, matchesEventPattern } from '../../src/index.js';

describe('$or', () => {
  it('matches when any alternative matches', () => {
    const pattern: EventPattern = { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] };
    expect(matchesEventPattern(pattern, { Location: 'New York', Day: 'Sunday' })).toBe(true);
    expect(matchesEventPattern(pattern, { Location: 'Paris', Day: 'Monday' })).toBe(true);
    expect(matchesEventPattern(pattern, { Location: 'Paris', Day: 'Sunday' })).toBe(false);
  });

  it('is ANDed with the other fields of its object', () => {
    const pattern: EventPattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matchesEventPattern(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 'aws.ecr', namespace: 'AWS/ES' })).toBe(false);
  });

  it('applies inside a nested object, next to a top-level $or', () => {
    const pattern: EventPattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    const event = { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } };
    expect(matchesEventPattern(pattern, event)).toBe(true);
    expect(matchesEventPattern(pattern, { ...event, detail: { source: 'aws.ec2' } })).toBe(false);
  });

  it('nests, with AND inside an alternative', () => {
    const pattern: EventPattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
      ],
    };
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' };
    expect(matchesEventPattern(pattern, { ...base, spaceId: 1000 })).toBe(true);
    expect(matchesEventPattern(pattern, { ...base, spaceId: 1001 })).toBe(false);
    expect(matchesEventPattern(pattern, { ...base, namespace: 'AWS/ES', metricId: 1234 })).toBe(false);
  });
});
