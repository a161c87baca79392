import { type EventHandlerName, SERVICE_NAMES, SERVICES, safeText } from '@customs/core';
import { compileEventPattern, type EventRule, isAwsLogsPayload, parseEnvelope } from '@customs/events';

/** A handler the local bus delivers to, as Lambda would invoke it. */
export type LocalHandler<R> = (event: unknown) => Promise<R>;

/** What happened to one published event. */
export type Delivery<R> =
  | { outcome: 'delivered'; rules: string[]; results: R[] }
  | { outcome: 'ignored'; reason: string };

/**
 * The handlers of the services whose changes a CloudWatch Logs subscription delivers (k8s's
 * on-k8s-audit), each with the name of its subscription filter in the infra.
 */
const AUDIT_LOG_HANDLERS = SERVICE_NAMES.filter((service) => SERVICES[service].delivery === 'audit-log').map(
  (service) => ({ handler: SERVICES[service].handler, subscription: `customs-${service}-audit` }),
);

/**
 * The local stand-in for the EventBridge default bus: routes each event to the handlers whose
 * rule pattern matches it, with the same rules (and the same matcher semantics) the deployed
 * infrastructure uses. Handlers run one after another, in rule order. An event EventBridge would
 * not carry (over 256 KB, nested over 1,100 levels) or whose envelope is malformed (`detail` not
 * an object, `time`, `account`, `region` not what EventBridge writes) is refused with an
 * `EventValidationError` before any rule sees it, as the handlers would refuse it anyway. A
 * CloudWatch Logs subscription payload (`{"awslogs": …}`, or its decoded form) is delivered to
 * the audit-log handler as its subscription would (the handler applies what the subscription
 * filter would have: each audit event it would not pass ends ignored with its reason).
 * @example
 * const bus = new LocalBus(EVENT_RULES, { 'on-ecr-event': onEcrEvent });
 * const delivery = await bus.publish(event);
 */
export class LocalBus<R> {
  readonly #routes: { rule: EventRule; matches: (event: unknown) => boolean }[];
  readonly #handlers: Partial<Record<EventHandlerName, LocalHandler<R>>>;

  constructor(rules: readonly EventRule[], handlers: Partial<Record<EventHandlerName, LocalHandler<R>>>) {
    this.#routes = rules.map((rule) => ({ rule, matches: compileEventPattern(rule.pattern) }));
    this.#handlers = handlers;
  }

  async publish(event: unknown): Promise<Delivery<R>> {
    if (isAwsLogsPayload(event)) return this.#subscribed(event);
    parseEnvelope(event);
    const matched = this.#routes.filter((route) => route.matches(event));
    if (matched.length === 0) return { outcome: 'ignored', reason: describeUnmatched(event) };
    const results: R[] = [];
    for (const { rule } of matched) {
      const handler = this.#handlers[rule.handler];
      if (!handler) throw new Error(`rule ${rule.name} targets ${rule.handler}, which has no local handler`);
      results.push(await handler(event));
    }
    return { outcome: 'delivered', rules: matched.map((route) => route.rule.name), results };
  }

  async #subscribed(payload: unknown): Promise<Delivery<R>> {
    const results: R[] = [];
    for (const { handler: name, subscription } of AUDIT_LOG_HANDLERS) {
      const handler = this.#handlers[name];
      if (!handler)
        throw new Error(`subscription ${subscription} targets ${name}, which has no local handler`);
      results.push(await handler(payload));
    }
    return { outcome: 'delivered', rules: AUDIT_LOG_HANDLERS.map((each) => each.subscription), results };
  }
}

/** Why no rule matched, naming the event's source, detail type and call, each bounded and escaped. */
function describeUnmatched(event: unknown): string {
  const record = event as Record<string, unknown>;
  const detail = record.detail as Record<string, unknown>;
  const shown = (value: unknown) => safeText(value, { maxLength: 100 });
  const name = typeof detail.eventName === 'string' ? ` ${shown(detail.eventName)}` : '';
  return `no rule matches source ${shown(record.source)}, detail-type "${shown(record['detail-type'])}"${name}`;
}
