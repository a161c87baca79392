import { readFileSync } from 'node:fs';
import { EVENTBRIDGE_SERVICES, SERVICE_NAMES, SERVICES } from '@customs/core';
import { EVENT_RULES } from '@customs/events';
import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE_NAMES } from '../../infra/names.js';
import { FUNCTION_NAMES, FUNCTION_PERMISSIONS } from '../../infra/permissions.js';

const FUNCTIONS_SRC = new URL('../../functions/src/', import.meta.url);

/**
 * Walks the service registry (SERVICES in @customs/core): each service's events reach a deployed
 * handler of its own. infra/functions.ts and infra/queues.ts create one function and one DLQ per
 * entry of FUNCTION_NAMES and DEAD_LETTER_QUEUE_NAMES (their return types are records over those
 * names, which `npm run typecheck` checks), so a service on these lists is deployed.
 */
describe('every service of the registry', () => {
  it.each(SERVICE_NAMES)('%s has a Lambda entry point for its handler in functions/src', async (service) => {
    // Prepare
    const { handler } = SERVICES[service];
    const file = new URL(`${handler}.ts`, FUNCTIONS_SRC);

    // Act
    const entry = (await import(file.href)) as { handler?: unknown };

    // Assess
    expect(typeof entry.handler, handler).toBe('function');
    const factory = SERVICES[service].delivery === 'audit-log' ? 'createAuditHandler' : 'createEventHandler';
    expect(readFileSync(file, 'utf8'), handler).toContain(`${factory}('${handler}'`);
  });

  it.each(SERVICE_NAMES)(
    '%s has one EventBridge rule to its handler, or (audit-log delivery) none: a subscription delivers to it',
    (service) => {
      const rules = EVENT_RULES.filter((rule) => rule.service === service);
      const eventBridge = SERVICES[service].delivery === 'eventbridge';
      expect(rules.map((rule) => rule.handler)).toEqual(eventBridge ? [SERVICES[service].handler] : []);
    },
  );

  it.each(SERVICE_NAMES)('%s has a deployed function with its grants and a dead-letter queue', (service) => {
    // Prepare
    const { handler } = SERVICES[service];

    // Act
    const grants = FUNCTION_PERMISSIONS[handler];
    const sendsToDlq = grants.some(
      (grant) => grant.resources.includes('dead-letter-queue') && grant.caller === 'lambda-service',
    );

    // Assess
    expect(FUNCTION_NAMES).toContain(handler);
    expect(DEAD_LETTER_QUEUE_NAMES).toContain(handler);
    expect(sendsToDlq, handler).toBe(true);
    // A Kubernetes API is found through EKS (DescribeCluster); its own calls need no IAM action.
    const reads = SERVICES[service].delivery === 'audit-log' ? 'eks' : service;
    expect(
      grants.some((grant) => grant.actions.some((action) => action.startsWith(`${reads}:`))),
      `${handler} reads ${reads}`,
    ).toBe(true);
  });

  it('routes no handler that is not a service', () => {
    const handlers = SERVICE_NAMES.map((service) => SERVICES[service].handler);
    const eventBridge = EVENTBRIDGE_SERVICES.map((service) => SERVICES[service].handler);
    expect(EVENT_RULES.map((rule) => rule.handler)).toEqual(eventBridge);
    expect(FUNCTION_NAMES.filter((name) => /^on-.+-(event|audit)$/.test(name))).toEqual(handlers);
  });
});
