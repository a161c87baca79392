import type { EventPatternValue } from './types.js';

/** A test on one scalar of the event (a field's value, or one element of an array field). */
export type ValueTest = (value: EventPatternValue) => boolean;
