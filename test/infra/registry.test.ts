import { readFileSync } from 'node:fs';
import { SERVICE_NAMES, SERVICES } from '@customs/core';
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
    expect(readFileSync(file, 'utf8'), handler).toContain(`createEventHandler('${handler}'`);
  });

  it.each(SERVICE_NAMES)('%s has one EventBridge rule, to its handler', (service) => {
    const rules = EVENT_RULES.filter((rule) => rule.service === service);
    expect(rules.map((rule) => rule.handler)).toEqual([SERVICES[service].handler]);
  });

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
    expect(
      grants.some((grant) => grant.actions.some((action) => action.startsWith(`${service}:`))),
      `${handler} reads ${service}`,
    ).toBe(true);
  });

  it('routes no handler that is not a service', () => {
    const handlers = SERVICE_NAMES.map((service) => SERVICES[service].handler);
    expect(EVENT_RULES.map((rule) => rule.handler)).toEqual(handlers);
    expect(FUNCTION_NAMES.filter((name) => /^on-.+-event$/.test(name))).toEqual(handlers);
  });
});
