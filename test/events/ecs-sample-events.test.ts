import { readdirSync, readFileSync } from 'node:fs';
import { type ResourceRef, SERVICE_NAMES, SERVICES } from '@customs/core';
import { EVENT_RULES, type EventRule, eventToResourceRefs, parseEvent } from '@customs/events';
import { LocalBus } from '@customs/local';
import { describe, expect, it } from 'vitest';

type Json = Record<string, unknown> & { detail: Record<string, unknown> };

const SAMPLES = new URL('../fixtures/aws-samples/events/', import.meta.url);

/** A CloudTrail record in the envelope EventBridge delivers it in ("AWS API Call via CloudTrail"). */
function wrapped(record: Record<string, unknown>): Json {
  return {
    version: '0',
    id: String(record.eventID),
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${String(record.eventSource).split('.')[0]}`,
    account: record.recipientAccountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail: record,
  } as Json;
}

/** The CloudTrail `eventName`s a rule routes (its pattern's `detail.eventName` list). */
function callsOf(rule: EventRule): string[] {
  const patterns = (rule.pattern.$or ?? [rule.pattern]) as { detail?: { eventName?: unknown } }[];
  return patterns.flatMap((pattern) => {
    const names = pattern.detail?.eventName;
    return Array.isArray(names) &&
      (pattern as Record<string, unknown>)['detail-type']?.toString() === 'AWS API Call via CloudTrail'
      ? names.map(String)
      : [];
  });
}

/** One of AWS's published ECS samples, as EventBridge delivers it. */
function sample(name: string): Json {
  const body = JSON.parse(readFileSync(new URL(`${name}.json`, SAMPLES), 'utf8'));
  return name.startsWith('cloudtrail-') ? wrapped(body) : body;
}

/** The bus as deployed (EVENT_RULES), every handler answering with the refs it would re-read. */
const bus = new LocalBus<{ handler: string; refs: ResourceRef[] }>(
  EVENT_RULES,
  Object.fromEntries(
    SERVICE_NAMES.map((service) => [
      SERVICES[service].handler,
      async (event: unknown) => ({
        handler: SERVICES[service].handler,
        refs: eventToResourceRefs(parseEvent(event)),
      }),
    ]),
  ),
);

const WEST = { accountId: '111122223333', region: 'us-west-2' };
const SERVICE_TEST: ResourceRef = { type: 'ecs-service', name: 'servicetest', parent: 'default', ...WEST };

/** Every ECS sample AWS publishes, with where it must end: the refs it names, or why it is ignored. */
const EXPECTED: Record<string, ResourceRef[] | string> = {
  'ecs-task-state-change': [
    { type: 'ecs-task-definition', name: 'sample-fargate:1', ...WEST },
    { type: 'ecs-cluster', name: 'FargateCluster', ...WEST },
  ],
  'ecs-deployment-state-change-in-progress': [SERVICE_TEST],
  'ecs-deployment-state-change-in-progress-rollback': [SERVICE_TEST],
  'ecs-deployment-state-change-completed': [SERVICE_TEST],
  // A failed deployment launches no new task; its rollback is announced as IN_PROGRESS.
  'ecs-deployment-state-change-failed': 'SERVICE_DEPLOYMENT_FAILED',
  // Reported periodically; what runs changed with a deployment, announced by its own events.
  'ecs-service-action-service-steady-state': 'SERVICE_STEADY_STATE',
  'ecs-service-action-capacity-provider-steady-state': 'CAPACITY_PROVIDER_STEADY_STATE',
  // Nothing started: what runs is unchanged.
  'ecs-service-action-task-start-impaired': 'SERVICE_TASK_START_IMPAIRED',
  'ecs-service-action-task-placement-failure-ec2-cpu': 'SERVICE_TASK_PLACEMENT_FAILURE',
  'ecs-service-action-task-placement-failure-fargate-spot': 'SERVICE_TASK_PLACEMENT_FAILURE',
  // Container instances are no resource a check reads (a cluster's capacity is read with it).
  'ecs-container-instance-state-change': 'ECS Container Instance State Change',
  'cloudtrail-ecs-createcluster': [
    { type: 'ecs-cluster', name: 'default', accountId: '123456789012', region: 'us-east-1' },
  ],
  // No check reads an account setting (packages/events README, "Amazon ECS").
  'cloudtrail-ecs-putaccountsettingdefault': 'PutAccountSettingDefault',
};

async function deliver(event: unknown) {
  const delivery = await bus.publish(event);
  if (delivery.outcome === 'ignored') return { ignored: delivery.reason };
  return { rules: delivery.rules, refs: delivery.results.flatMap((result) => result.refs) };
}

describe("AWS's ECS sample events through the deployed rules", () => {
  it('covers every ECS sample AWS publishes', () => {
    const published = readdirSync(SAMPLES)
      .filter((file) => /^(ecs-|cloudtrail-ecs-)/.test(file))
      .map((file) => file.replace(/\.json$/, ''))
      .sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(published);
  });

  it.each(Object.entries(EXPECTED))('%s ends where it should', async (name, expected) => {
    // Act
    const outcome = await deliver(sample(name));

    // Assess
    if (typeof expected === 'string') {
      expect(outcome.ignored).toContain('no rule matches source aws.ecs');
      expect(outcome.ignored).toContain(expected);
    } else {
      expect(outcome).toEqual({ rules: ['customs-ecs'], refs: expected });
    }
  });

  it('delivers each of the deployment samples that share one id: nothing dedupes on id', async () => {
    // Prepare: three different events AWS published with the same id
    const names = ['in-progress-rollback', 'completed', 'failed'].map(
      (n) => `ecs-deployment-state-change-${n}`,
    );
    const events = names.map(sample);
    expect(new Set(events.map((event) => event.id)).size).toBe(1);

    // Act
    const outcomes = [];
    for (const event of events) outcomes.push(await deliver(event));

    // Assess: the rollback and the completion both re-assess the service
    expect(outcomes.map((outcome) => outcome.refs?.length ?? 0)).toEqual([1, 1, 0]);
  });

  it('routes a running task only when no service started it and it is not stopping', async () => {
    // Prepare: variants of AWS's task sample
    const task = sample('ecs-task-state-change');
    const withDetail = (detail: object) => ({ ...task, detail: { ...task.detail, ...detail } });
    const scheduled = withDetail({ startedBy: 'events-rule/nightly-report' });
    const ofService = withDetail({ startedBy: 'ecs-svc/9223370564342966066' });
    const stopping = withDetail({ desiredStatus: 'STOPPED' });
    const pending = withDetail({ lastStatus: 'PENDING' });

    // Act & Assess
    expect((await deliver(scheduled)).rules).toEqual(['customs-ecs']);
    for (const event of [ofService, stopping, pending]) {
      expect((await deliver(event)).ignored).toContain('ECS Task State Change');
    }
  });

  it('reads the cluster of an old-form service ARN from a service action, and skips other ARNs', async () => {
    const action = sample('ecs-service-action-service-steady-state');
    const taskSet = {
      ...action,
      resources: [
        'arn:aws:ecs:us-west-2:111122223333:service/servicetest',
        'arn:aws:ecs:us-west-2:111122223333:container-instance/default/2dd1b186f39845a584488d2ef155c131',
      ],
      detail: { ...action.detail, eventName: 'TASKSET_STEADY_STATE' },
    };
    expect(await deliver(taskSet)).toEqual({ rules: ['customs-ecs'], refs: [SERVICE_TEST] });
  });

  it('matches no rule for a failed call of any service: failed calls change nothing', async () => {
    // Prepare: every call every rule routes, failed
    const record = sample('cloudtrail-ecs-createcluster');
    for (const rule of EVENT_RULES) {
      const { service } = rule;
      expect(callsOf(rule).length, rule.name).toBeGreaterThan(0);
      for (const eventName of callsOf(rule)) {
        const call = { ...record, source: SERVICES[service].eventSource };
        call.detail = { ...record.detail, eventSource: SERVICES[service].cloudTrailSource, eventName };
        const failed = { ...call, detail: { ...call.detail, errorCode: 'AccessDenied' } };

        // Act & Assess: the call routes, the failed call does not
        expect((await deliver(call)).rules, `${service} ${eventName}`).toEqual([`customs-${service}`]);
        expect((await deliver(failed)).ignored, `${service} ${eventName} failed`).toMatch(/^no rule matches/);
      }
    }
  });
});
