import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';

describe('prefix', () => {
  it('matches strings that start with the prefix', () => {
    const pattern = { region: [{ prefix: 'eu-' }] };
    expect(matchesEventPattern(pattern, { region: 'eu-west-1' })).toBe(true);
    expect(matchesEventPattern(pattern, { region: 'EU-west-1' })).toBe(false);
    expect(matchesEventPattern(pattern, { region: 'us-east-1' })).toBe(false);
  });

  it('matches every string, even empty, with the empty prefix, but no other type', () => {
    const pattern = { source: [{ prefix: '' }] };
    expect(matchesEventPattern(pattern, { source: '' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 'aws.ecr' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 1 })).toBe(false);
    expect(matchesEventPattern(pattern, { source: null })).toBe(false);
    expect(matchesEventPattern(pattern, {})).toBe(false);
  });

  it('ignores case with {"equals-ignore-case"}', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    expect(matchesEventPattern(pattern, { detail: { service: 'eventbridge' } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { service: 'EVENTBRIDGE' } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { service: 'sns' } })).toBe(false);
  });

  it('does not apply to numbers', () => {
    expect(matchesEventPattern({ code: [{ prefix: '12' }] }, { code: 123 })).toBe(false);
  });
});

describe('suffix', () => {
  it('matches strings that end with the suffix, case-sensitively', () => {
    const pattern = { FileName: [{ suffix: '.png' }] };
    expect(matchesEventPattern(pattern, { FileName: 'image.png' })).toBe(true);
    expect(matchesEventPattern(pattern, { FileName: 'image.PNG' })).toBe(false);
    expect(matchesEventPattern(pattern, { FileName: 'image.png.bak' })).toBe(false);
  });

  it('ignores case with {"equals-ignore-case"}', () => {
    const pattern = { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] };
    expect(matchesEventPattern(pattern, { FileName: 'image.PNG' })).toBe(true);
    expect(matchesEventPattern(pattern, { FileName: 'image.jpg' })).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('matches the whole string in any case', () => {
    const pattern = { Name: [{ 'equals-ignore-case': 'alice' }] };
    expect(matchesEventPattern(pattern, { Name: 'ALICE' })).toBe(true);
    expect(matchesEventPattern(pattern, { Name: 'Alice' })).toBe(true);
    expect(matchesEventPattern(pattern, { Name: 'Alicia' })).toBe(false);
  });

  it('only matches string values', () => {
    expect(matchesEventPattern({ flag: [{ 'equals-ignore-case': 'true' }] }, { flag: true })).toBe(false);
    expect(matchesEventPattern({ flag: [{ 'equals-ignore-case': 'null' }] }, { flag: null })).toBe(false);
  });
});

describe('wildcard', () => {
  it('lets * match any run of characters, including none', () => {
    const pattern = { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
    expect(
      matchesEventPattern(pattern, {
        EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default',
      }),
    ).toBe(true);
    expect(matchesEventPattern(pattern, { EventBusArn: 'arn:aws:events:us-east-1::event-bus/' })).toBe(true);
    expect(
      matchesEventPattern(pattern, { EventBusArn: 'arn:aws:events:us-west-2:1:event-bus/default' }),
    ).toBe(false);
  });

  it('anchors the pattern at both ends', () => {
    const pattern = { FilePath: [{ wildcard: 'dir/*.png' }] };
    expect(matchesEventPattern(pattern, { FilePath: 'dir/a/b.png' })).toBe(true);
    expect(matchesEventPattern(pattern, { FilePath: 'other/dir/b.png' })).toBe(false);
    expect(matchesEventPattern(pattern, { FilePath: 'dir/b.png.txt' })).toBe(false);
  });

  it('does not let the prefix and suffix overlap', () => {
    expect(matchesEventPattern({ v: [{ wildcard: 'ab*ba' }] }, { v: 'aba' })).toBe(false);
    expect(matchesEventPattern({ v: [{ wildcard: 'ab*ba' }] }, { v: 'abba' })).toBe(true);
  });

  it('finds several middle pieces in order', () => {
    const pattern = { v: [{ wildcard: '*a*b*c*' }] };
    expect(matchesEventPattern(pattern, { v: 'xxaxxbxxcxx' })).toBe(true);
    expect(matchesEventPattern(pattern, { v: 'xxcxxbxxaxx' })).toBe(false);
  });

  it('treats \\* as a literal star and \\\\ as a literal backslash', () => {
    expect(matchesEventPattern({ v: [{ wildcard: 'a\\*b' }] }, { v: 'a*b' })).toBe(true);
    expect(matchesEventPattern({ v: [{ wildcard: 'a\\*b' }] }, { v: 'axb' })).toBe(false);
    expect(matchesEventPattern({ v: [{ wildcard: 'C:\\\\*' }] }, { v: 'C:\\Windows' })).toBe(true);
  });

  it('without a star is an exact, case-sensitive match', () => {
    expect(matchesEventPattern({ v: [{ wildcard: 'abc' }] }, { v: 'abc' })).toBe(true);
    expect(matchesEventPattern({ v: [{ wildcard: 'abc' }] }, { v: 'ABC' })).toBe(false);
  });

  it('only matches string values', () => {
    expect(matchesEventPattern({ v: [{ wildcard: '1*' }] }, { v: 123 })).toBe(false);
  });
});
