import { readFileSync } from 'node:fs';
import type { EventPattern } from '../../src/index.js';

/** One documented pattern/event pair from the EventBridge user guide. */
export interface PatternVector {
  readonly name: string;
  readonly pattern: EventPattern;
  readonly event: unknown;
  readonly match: boolean;
  readonly source: string;
}

function readFixture(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${relative}`, import.meta.url), 'utf8'));
}

/** The pattern vectors copied from the EventBridge user guide's examples. */
export function loadVectors(): readonly PatternVector[] {
  return readFixture('eventbridge-pattern-vectors.json') as readonly PatternVector[];
}

/** A sample event as AWS published it, from test/fixtures/events. */
export function loadEvent(name: string): unknown {
  return readFixture(`events/${name}.json`);
}
