import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import { eventToResourceRefs } from '../../src/refs/event-to-refs.js';
import { parseEvent } from '../../src/schemas/parse-event.js';
import { sampleEvent } from '../load-event.js';

const refsOf = (event: unknown) => eventToResourceRefs(parseEvent(event));

/** An EKS CloudTrail event from AWS's CreateCluster sample (its placeholder Region made real). */
function eksCall(eventName: string, requestParameters: object) {
  const event = sampleEvent('cloudtrail-eks-createcluster');
  return {
    ...event,
    region: 'eu-west-1',
    detail: { ...event.detail, awsRegion: 'eu-west-1', eventName, requestParameters, responseElements: null },
  };
}

function rejection(event: unknown): EventValidationError {
  try {
    refsOf(event);
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error('the event was accepted');
}

describe('names AWS could not have issued', () => {
  it('rejects a cluster name holding a lone surrogate, naming the field, and it encodes', () => {
    // Prepare: the name that made encodeURIComponent throw inside the collector
    const event = eksCall('UpdateClusterConfig', { name: 'prod\ud800' });
    // Act
    const error = rejection(event);
    // Assess
    expect(error.message).toBe(
      'detail.requestParameters.name: holds a lone UTF-16 surrogate at position 4; an EKS cluster name is valid Unicode',
    );
    expect(() => encodeURIComponent(error.message)).not.toThrow();
  });

  it('rejects nodegroup and access-entry names with a lone surrogate', () => {
    expect(
      rejection(eksCall('UpdateNodegroupConfig', { name: 'prod', nodegroupName: '\udc00ng' })).message,
    ).toMatch(/^detail\.requestParameters\.nodegroupName: holds a lone UTF-16 surrogate at position 0/);
    const entry = eksCall('CreateAccessEntry', {
      clusterName: 'prod',
      principalArn: 'arn:aws:iam::1:role/\ud83d',
    });
    expect(rejection(entry).message).toMatch(
      /^detail\.requestParameters\.principalArn: holds a lone UTF-16 surrogate/,
    );
  });

  it('keeps a well-formed astral character (a surrogate pair) in a name as a name', () => {
    const [ref] = refsOf(eksCall('UpdateClusterConfig', { name: 'prod-\u{1f600}' }));
    expect(ref?.name).toBe('prod-\u{1f600}');
  });

  it("rejects a 300-byte name, over AWS's limit for it", () => {
    expect(rejection(eksCall('UpdateClusterConfig', { name: 'c'.repeat(300) })).message).toBe(
      'detail.requestParameters.name: is 300 characters; an EKS cluster name has at most 100',
    );
    const push = sampleEvent('ecr-image-action-push');
    push.detail['repository-name'] = `team/${'r'.repeat(295)}`;
    expect(rejection(push).message).toBe(
      'detail.repository-name: is 300 characters; an ECR repository name has at most 256',
    );
  });

  it('rejects control characters in a name, escaped in the reason', () => {
    const push = sampleEvent('ecr-image-action-push');
    push.detail['image-digest'] = 'sha256:\u001b[2J';
    expect(rejection(push).message).toBe(
      'detail.image-digest: holds a control character (U+001B) at position 7; an image digest never does',
    );
  });

  it('rejects a name of the wrong type rather than skipping it', () => {
    expect(rejection(eksCall('UpdateClusterConfig', { name: { $ne: 1 } })).message).toBe(
      'detail.requestParameters.name: expected a string',
    );
  });

  it('names nothing for prototype keys as event sources or calls, and never crashes', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      const call = eksCall(key, { name: 'prod' });
      expect(refsOf(call)).toEqual([]);
      expect(refsOf({ ...call, detail: { ...call.detail, eventSource: key } })).toEqual([]);
    }
  });

  it('reads no inherited field as a name', () => {
    const event = eksCall('UpdateClusterConfig', JSON.parse('{"__proto__": {"name": "prod"}}'));
    expect(refsOf(event)).toEqual([]);
  });
});
