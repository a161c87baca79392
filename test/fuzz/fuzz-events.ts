import type { EventEntry, ReplayReport } from '@customs/local';
import { mutateEvent } from './mutate.js';
import type { Random } from './random.js';
import { awsSampleEvents, demoEvents } from './samples.js';

type Json = Record<string, unknown>;

/** A batch of fuzzed events, with the mutations each had (to say what broke). */
export interface FuzzBatch {
  entries: EventEntry[];
  applied: string[][];
}

const SAMPLES = awsSampleEvents();
const DEMO = demoEvents();

/**
 * `count` events from AWS's samples, numbered from `first`: 3% of them unmutated demo events
 * (they reach the collector and the store, so that writes happen and can be counted), the rest
 * mutated samples of either kind; now and then a line that is not JSON, as `readEventsFile` gives it.
 */
export function fuzzBatch(random: Random, first: number, count: number, withTextLines = true): FuzzBatch {
  const entries: EventEntry[] = [];
  const applied: string[][] = [];
  for (let index = first; index < first + count; index++) {
    if (withTextLines && random.chance(0.005)) {
      entries.push({
        index,
        error: `line ${index + 1} is not JSON: Unexpected token`,
        text: '{"source": \u001b[2J',
      });
      applied.push(['notJson']);
    } else if (random.chance(0.03)) {
      entries.push({ index, event: structuredClone(random.pick(DEMO)) });
      applied.push([]);
    } else {
      const base: Json = random.chance(0.25) ? random.pick(DEMO) : random.pick(SAMPLES);
      const { event, applied: mutations } = mutateEvent(base, random);
      entries.push({ index, event });
      applied.push(mutations);
    }
  }
  return { entries, applied };
}

/** What went wrong with one event of a batch. */
export interface Violation {
  event: number;
  problem: string;
  mutations: string[];
}

/**
 * Checks a batch's report against what replay promises: each event in exactly one place (an event
 * with a lifecycle change, unchanged, ignored, rejected), no internal error, no write for a rejected
 * event (`writes`: the DynamoDB writes of each published event, in the order they were published).
 */
export function violationsOf(
  batch: FuzzBatch,
  report: Omit<ReplayReport, 'rejected'> & { rejected: { event: number; reason: string }[] },
  writes: number[],
): Violation[] {
  const first = batch.entries[0]?.index ?? 0;
  const places = new Map<number, string[]>();
  const add = (event: number, place: string) => places.set(event, [...(places.get(event) ?? []), place]);
  for (const event of new Set(report.changes.filter((c) => c.transition !== 'unchanged').map((c) => c.event)))
    add(event, 'changes');
  for (const entry of report.unchanged) add(entry.event, 'unchanged');
  for (const entry of report.ignored) add(entry.event, 'ignored');
  for (const entry of report.rejected) add(entry.event, 'rejected');
  const violations: Violation[] = [];
  const mutations = (event: number) => batch.applied[event - first] ?? [];
  for (const entry of batch.entries) {
    const seen = places.get(entry.index) ?? [];
    if (seen.length !== 1)
      violations.push({
        event: entry.index,
        problem: `in ${seen.length} places: ${seen.join(', ')}`,
        mutations: mutations(entry.index),
      });
    places.delete(entry.index);
  }
  for (const event of places.keys())
    violations.push({ event, problem: 'reported but not sent', mutations: [] });
  const published = batch.entries.filter((entry) => 'event' in entry).map((entry) => entry.index);
  if (published.length !== writes.length)
    violations.push({
      event: first,
      problem: `${writes.length} publishes for ${published.length} events`,
      mutations: [],
    });
  const writesOf = new Map(published.map((event, order) => [event, writes[order] ?? 0]));
  for (const { event, reason } of report.rejected) {
    if (reason.startsWith('internal error'))
      violations.push({ event, problem: reason, mutations: mutations(event) });
    if ((writesOf.get(event) ?? 0) > 0)
      violations.push({
        event,
        problem: `rejected after ${writesOf.get(event)} write(s)`,
        mutations: mutations(event),
      });
  }
  return violations;
}
