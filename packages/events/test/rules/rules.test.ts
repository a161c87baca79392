import { EVENTBRIDGE_SERVICES, needsParent, SERVICES, serviceOf } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { compileEventPattern, validateEventPattern } from '../../src/pattern/index.js';
import { CLOUDTRAIL_CALLS } from '../../src/refs/cloudtrail-calls.js';
import { EVENT_RULES } from '../../src/rules/rules.js';
import type { CloudTrailDetail } from '../../src/schemas/cloudtrail.js';
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

  it("route each service's events to its own handler, from the region AWS delivers them in", () => {
    expect(EVENT_RULES.map((rule) => rule.service)).toEqual(EVENTBRIDGE_SERVICES);
    for (const rule of EVENT_RULES) {
      const service: { handler: string; scope: string; homeRegion?: string } = SERVICES[rule.service];
      expect(rule.handler, rule.name).toBe(service.handler);
      expect(rule.deliveredIn, rule.name).toBe(service.scope === 'global' ? service.homeRegion : undefined);
    }
  });

  it("re-assess, for every call a service's rule routes, resources of that service (EKS's also its clusters' Kubernetes side), children with their parent", () => {
    // Prepare: a call naming every resource a request can name (AWS's parameter names)
    const detail = {
      eventVersion: '1.08',
      eventSource: 'any',
      eventName: 'any',
      awsRegion: 'eu-west-1',
      recipientAccountId: '111122223333',
      userIdentity: { type: 'IAMUser', userName: 'alice' },
      requestParameters: {
        repositoryName: 'team/app',
        registryId: '111122223333',
        clusterName: 'prod',
        nodegroupName: 'workers',
        principalArn: 'arn:aws:iam::111122223333:role/Admin',
        userName: 'bob',
        roleName: 'deployer',
        policyArn: 'arn:aws:iam::111122223333:policy/ecr-admin',
        cluster: 'prod',
        service: 'payments-api',
        taskDefinition: 'payments:3',
        taskDefinitions: ['payments:1'],
        resourceArn: 'arn:aws:ecs:eu-west-1:111122223333:service/prod/payments-api',
      },
      responseElements: {
        taskDefinition: {
          taskDefinitionArn: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/payments:3',
        },
      },
    } as unknown as CloudTrailDetail;
    for (const service of EVENTBRIDGE_SERVICES) {
      for (const [call, refsOf] of Object.entries(CLOUDTRAIL_CALLS[service])) {
        // Act
        const refs = refsOf(detail, '111122223333');
        // Assess
        expect(refs.length, `${service} ${call}`).toBeGreaterThan(0);
        for (const ref of refs) {
          const services = service === 'eks' ? ['eks', 'k8s'] : [service];
          expect(services, `${service} ${call}`).toContain(serviceOf(ref.type));
          if (needsParent(ref.type)) expect(ref.parent, `${service} ${call} ${ref.type}`).toBeDefined();
        }
      }
    }
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
