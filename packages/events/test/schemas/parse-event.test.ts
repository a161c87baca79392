import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import { parseEvent } from '../../src/schemas/parse-event.js';
import { sampleEvent } from '../load-event.js';

describe('parseEvent', () => {
  it.each([
    ['ecr-image-action-push', 'ecr-image-action'],
    ['ecr-image-action-delete', 'ecr-image-action'],
    ['ecr-image-scan-basic', 'ecr-image-scan'],
    ['inspector2-scan-ecr', 'inspector2-scan'],
    ['inspector2-finding-ecr', 'inspector2-finding'],
    ['cloudtrail-ecr-createrepository', 'cloudtrail'],
    ['cloudtrail-iam-createuser', 'cloudtrail'],
  ])('accepts AWS sample %s as %s', (name, kind) => {
    expect(parseEvent(sampleEvent(name)).kind).toBe(kind);
  });

  it('names the missing field of a malformed event', () => {
    // Prepare
    const event = sampleEvent('ecr-image-action-push');
    delete event.detail['image-digest'];
    // Act & Assess
    expect(() => parseEvent(event)).toThrow(EventValidationError);
    expect(() => parseEvent(event)).toThrow(/^detail\.image-digest: /);
  });

  it('names envelope fields that are wrong', () => {
    const event = { ...sampleEvent('ecr-image-scan-basic'), resources: 'arn:aws:ecr:...' };
    expect(() => parseEvent(event)).toThrow(/not an EventBridge event: resources: /);
    expect(() => parseEvent('{}')).toThrow(/not an EventBridge event/);
  });

  it('refuses an event type it has no schema for', () => {
    const event = { ...sampleEvent('ecr-image-scan-basic'), 'detail-type': 'ECR Replication Action' };
    expect(() => parseEvent(event)).toThrow(
      'unsupported event: source aws.ecr, detail-type "ECR Replication Action"',
    );
  });

  it("accepts AWS's CreateCluster sample once its placeholder Region is a real one", () => {
    const event = sampleEvent('cloudtrail-eks-createcluster');
    expect(() => parseEvent(event)).toThrow('not an EventBridge event: region: must be an AWS Region name');
    event.region = 'eu-west-1';
    expect(() => parseEvent(event)).toThrow('detail.awsRegion: must be an AWS Region name');
    event.detail.awsRegion = 'eu-west-1';
    expect(parseEvent(event).kind).toBe('cloudtrail');
  });

  it('names a CloudTrail record without an eventName', () => {
    const event = sampleEvent('cloudtrail-eks-createcluster');
    event.region = 'eu-west-1';
    event.detail.awsRegion = 'eu-west-1';
    delete event.detail.eventName;
    expect(() => parseEvent(event)).toThrow(/^detail\.eventName: /);
  });
});
