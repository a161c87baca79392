import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import { isAccountId, isIsoInstant, isRegionName } from '../../src/schemas/aws-values.js';
import { parseEvent } from '../../src/schemas/parse-event.js';
import { sampleEvent } from '../load-event.js';

describe("the envelope's time, account and region", () => {
  it.each([
    ['2019-11-11T21:29:54Z'],
    ['2024-02-29T00:00:00Z'],
    ['2019-11-11T21:29:54.123Z'],
    ['2019-11-11T21:29:54.123456789Z'],
    ['2019-11-11T21:29:54+02:00'],
  ])('accepts the ISO 8601 instant %s', (time) => {
    expect(isIsoInstant(time)).toBe(true);
  });

  it.each([
    ['yesterday'],
    [''],
    ['2019-11-11'],
    ['2019-11-11T21:29:54'],
    ['2023-02-29T02:36:48Z'],
    ['2019-13-01T00:00:00Z'],
    ['2019-11-31T00:00:00Z'],
    ['2019-11-11T24:00:00Z'],
    ['2019-11-11T21:29:54.Z'],
    ['2019-11-11T21:29:54.1234567890Z'],
    ['2019-11-11T21:29:54+2:00'],
    ['2019-11-11T21:29:54Z trailing'],
    ['１９１９-11-11T21:29:54Z'],
  ])('refuses %j as a time', (time) => {
    expect(isIsoInstant(time)).toBe(false);
  });

  it('takes 12 digits as an account and the form of a Region name as a region', () => {
    expect(['123456789012', '000000000000'].map(isAccountId)).toEqual([true, true]);
    expect(['12345678901', '1234567890123', '12345678901a', ' 23456789012'].map(isAccountId)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const regions = [
      'us-east-1',
      'eu-west-1',
      'us-gov-west-1',
      'cn-northwest-1',
      'us-isob-east-1',
      'eusc-de-east-1',
    ];
    expect(regions.map(isRegionName)).toEqual(regions.map(() => true));
    const notRegions = [
      'region-code',
      'N/A',
      'us-east',
      'US-EAST-1',
      'us-east-100',
      'u-east-1',
      'us--1',
      'us-east-1 ',
    ];
    expect(notRegions.map(isRegionName)).toEqual(notRegions.map(() => false));
  });

  it.each([
    ['time', 'last tuesday', /^not an EventBridge event: time: must be an ISO 8601 instant/],
    ['account', 'me', /^not an EventBridge event: account: must be an AWS account id \(12 digits\)/],
    ['region', 'mars-1', /^not an EventBridge event: region: must be an AWS Region name/],
    ['region', 42, /^not an EventBridge event: region: /],
  ])('rejects an event whose %s is %j, naming the field', (field, value, message) => {
    // Prepare: a push as AWS documents it, with one envelope field wrong
    const event = { ...sampleEvent('ecr-image-action-push'), [field]: value };
    // Act & Assess
    expect(() => parseEvent(event)).toThrow(EventValidationError);
    expect(() => parseEvent(event)).toThrow(message);
  });

  it('rejects "detail": null as a malformed envelope', () => {
    const event = { ...sampleEvent('ecr-image-action-push'), detail: null };
    expect(() => parseEvent(event)).toThrow(/^not an EventBridge event: detail: /);
  });

  it('rejects a CloudTrail record whose account or Region is not one', () => {
    const event = sampleEvent('cloudtrail-iam-createuser');
    event.detail.recipientAccountId = 'attacker';
    expect(() => parseEvent(event)).toThrow(/^detail\.recipientAccountId: must be an AWS account id/);
  });

  it('keeps the reason bounded and free of control characters whatever the event holds', () => {
    const event = {
      ...sampleEvent('ecr-image-action-push'),
      source: `\u001b[2J${'x'.repeat(200_000)}`,
    };
    let reason = '';
    try {
      parseEvent(event);
    } catch (error) {
      reason = (error as Error).message;
    }
    expect(reason).toMatch(/^unsupported event: source \\u001b\[2Jx+… \(\d+ more characters\)/);
    expect(reason.length).toBeLessThan(1100);
    expect(reason).not.toContain('\u001b');
  });
});
