import { describe, expect, it } from 'vitest';
import { compileEventPattern, validateEventPattern } from '../../src/pattern/index.js';
import { EVENT_RULES } from '../../src/rules/rules.js';
import { sampleEvent } from '../load-event.js';

const routes = EVENT_RULES.map((rule) => ({
  handler: rule.handler,
  matches: compileEventPattern(rule.pattern),
}));
const handlersFor = (event: unknown) =>
  routes.filter((route) => route.matches(event)).map((route) => route.handler);

describe('the deployed rules', () => {
  it('are valid EventBridge patterns, one rule per handler', () => {
    for (const rule of EVENT_RULES) expect(() => validateEventPattern(rule.pattern)).not.toThrow();
    expect(new Set(EVENT_RULES.map((rule) => rule.handler)).size).toBe(EVENT_RULES.length);
  });

  it.each([
    ['ecr-image-action-push', 'on-ecr-event'],
    ['ecr-image-action-delete', 'on-ecr-event'],
    ['ecr-image-scan-basic', 'on-ecr-event'],
    ['inspector2-scan-ecr', 'on-ecr-event'],
    ['inspector2-finding-ecr', 'on-ecr-event'],
    ['cloudtrail-ecr-createrepository', 'on-ecr-event'],
    ['cloudtrail-eks-createcluster', 'on-eks-event'],
    ['cloudtrail-iam-createuser', 'on-iam-event'],
  ])('route AWS sample %s to %s only', (name, handler) => {
    expect(handlersFor(sampleEvent(name))).toEqual([handler]);
  });

  it('ignore what no check depends on: failed pushes, archive actions, read-only and failed calls', () => {
    // Prepare: variants of AWS's samples
    const push = sampleEvent('ecr-image-action-push');
    const failedPush = { ...push, detail: { ...push.detail, result: 'FAILURE' } };
    const archive = { ...push, detail: { ...push.detail, 'action-type': 'ARCHIVE' } };
    const iam = sampleEvent('cloudtrail-iam-createuser');
    const readOnly = { ...iam, detail: { ...iam.detail, eventName: 'GetUserPolicy' } };
    const denied = { ...iam, detail: { ...iam.detail, errorCode: 'AccessDenied' } };
    const replication = { ...push, 'detail-type': 'ECR Replication Action' };
    // Act & Assess
    for (const event of [failedPush, archive, readOnly, denied, replication])
      expect(handlersFor(event)).toEqual([]);
  });

  it('route Inspector2 findings on ECR images only', () => {
    const finding = sampleEvent('inspector2-finding-ecr');
    const resources = finding.detail.resources as { type: string }[];
    const onEc2 = {
      ...finding,
      detail: { ...finding.detail, resources: resources.map((r) => ({ ...r, type: 'AWS_EC2_INSTANCE' })) },
    };
    expect(handlersFor(onEc2)).toEqual([]);
  });
});
