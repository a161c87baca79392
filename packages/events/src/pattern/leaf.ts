import { type CompiledFilter, compileContentFilter } from './content-filter.js';
import { forEachLeafElement } from './event-arrays.js';
import { isPlainObject, isScalar, reject } from './guards.js';
import type { PatternPath } from './path.js';
import type { EventPatternValue } from './types.js';
import type { ValueTest } from './value-test.js';

/** A test on whatever the event holds at a leaf's path (undefined when the field is missing). */
export type NodeTest = (node: unknown) => boolean;

const NO_SCALAR = 0;
const NO_MATCH = 1;
const MATCH = 2;

/** Scans an event array (nested arrays included) for scalars: none, some but no match, or a match. */
function scanArray(array: readonly unknown[], test: ValueTest): number {
  let state = NO_SCALAR;
  const matched = forEachLeafElement(array, function testScalar(element) {
    if (!isScalar(element)) return false;
    if (test(element)) return true;
    state = NO_MATCH;
    return false;
  });
  return matched ? MATCH : state;
}

/** Builds the test for exact values: sets for strings and numbers, flags for booleans and null. */
function exactValues(values: readonly EventPatternValue[]): ValueTest | undefined {
  if (values.length === 0) return undefined;
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const others = new Set<boolean | null>();
  for (const value of values) {
    if (typeof value === 'string') strings.add(value);
    else if (typeof value === 'number') numbers.add(value);
    else others.add(value);
  }
  return function isExactValue(value) {
    if (typeof value === 'string') return strings.has(value);
    if (typeof value === 'number') return numbers.has(value);
    return others.has(value);
  };
}

/**
 * Compiles a leaf array (alternatives, ORed) into a test on the event's value at that path: a scalar
 * is tested directly, an array matches when any element does, and a missing field or an object
 * (`exists` only sees leaves) satisfies only `{"exists": false}`.
 * @example compileLeaf(['terminated', { prefix: 'stop' }], ['detail', 'state'])('stopping') // true
 */
export function compileLeaf(alternatives: readonly unknown[], path: PatternPath): NodeTest {
  if (alternatives.length === 0) reject(path, 'a leaf array must not be empty');
  const exact: EventPatternValue[] = [];
  const filters: ValueTest[] = [];
  let existsTrue = false;
  let existsFalse = false;
  for (const [index, alternative] of alternatives.entries()) {
    if (isScalar(alternative)) {
      exact.push(alternative);
      continue;
    }
    if (!isPlainObject(alternative)) {
      reject(
        [...path, index],
        'a match value must be a string, number, true, false, null or a content filter',
      );
    }
    const compiled: CompiledFilter = compileContentFilter(alternative, [...path, index]);
    if (typeof compiled === 'function') filters.push(compiled);
    else if (compiled.exists) existsTrue = true;
    else existsFalse = true;
  }
  const exactTest = exactValues(exact);
  const tests = exactTest === undefined ? filters : [exactTest, ...filters];
  const test: ValueTest =
    tests.length === 1 && tests[0] !== undefined
      ? tests[0]
      : function matchesAnyAlternative(value) {
          for (const candidate of tests) if (candidate(value)) return true;
          return false;
        };
  return function matchesLeaf(node) {
    if (isScalar(node)) return existsTrue || test(node);
    if (Array.isArray(node)) {
      const state = scanArray(node, test);
      return state === MATCH || (state === NO_MATCH ? existsTrue : existsFalse);
    }
    return existsFalse;
  };
}
