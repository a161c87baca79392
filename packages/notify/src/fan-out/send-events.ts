import type { FindingEventPublisher } from '../eventbridge/index.js';
import type { OutboxPort, Outgoing, TargetResult } from './model.js';

/**
 * Puts the outgoing deliveries of a publisher's target (EventBridge, Security Hub) in waves: each wave carries at most one
 * version per finding (the oldest pending), so a finding's events keep their order; a finding
 * whose event failed sends none of its later ones in this run.
 */
export async function sendEvents(
  publisher: FindingEventPublisher,
  outbox: OutboxPort,
  items: readonly Outgoing[],
): Promise<TargetResult> {
  const result: TargetResult = { delivered: [], pending: [], sent: 0 };
  const queues = new Map<string, Outgoing[]>();
  for (const item of items)
    queues.set(item.entry.findingId, [...(queues.get(item.entry.findingId) ?? []), item]);
  while (queues.size > 0) {
    const wave = [...queues.values()].map((queue) => queue.shift() as Outgoing);
    for (const [findingId, queue] of queues) if (queue.length === 0) queues.delete(findingId);
    const outcome = await publisher.publish(wave.map((item) => item.transition));
    const delivered = outcome.delivered.map((index) => wave[index] as Outgoing);
    await outbox.markDelivered(
      delivered.map((item) => item.entry),
      'event',
    );
    result.delivered.push(...delivered);
    result.sent += delivered.length;
    for (const { index, reason } of outcome.failed) {
      const failed = wave[index] as Outgoing;
      const later = queues.get(failed.entry.findingId) ?? [];
      queues.delete(failed.entry.findingId);
      await outbox.release([failed.entry], reason);
      const waiting = `waiting for version ${failed.entry.version} of the same finding`;
      if (later.length > 0)
        await outbox.release(
          later.map((item) => item.entry),
          waiting,
          { attempted: false },
        );
      result.pending.push(
        { outgoing: failed, reason },
        ...later.map((outgoing) => ({ outgoing, reason: waiting })),
      );
    }
  }
  const failed = result.pending.find(({ reason }) => !reason.startsWith('waiting for version'));
  if (!failed) return result;
  const failure = {
    target: publisher.target,
    shown: publisher.target.startsWith('securityhub:')
      ? `Security Hub in ${publisher.target.slice('securityhub:'.length)}`
      : `the bus ${publisher.target.slice('eventbridge:'.length)}`,
    cause: failed.reason,
    pending: result.pending.length,
    held: false,
    schedule: 'with the next run (a retried stream batch, the next poll or outbox retry)',
  };
  return { ...result, failure };
}
