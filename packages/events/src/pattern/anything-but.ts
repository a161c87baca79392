import { isFiniteNumber, isPlainObject, reject } from './guards.js';
import type { PatternPath } from './path.js';
import type { ValueTest } from './value-test.js';
import { matchesWildcard, parseWildcard } from './wildcard.js';

function stringList(operand: unknown, path: PatternPath, what: string): readonly string[] {
  const list = Array.isArray(operand) ? operand : [operand];
  if (list.length === 0) reject(path, `anything-but ${what} list must not be empty`);
  for (const item of list) {
    if (typeof item !== 'string') reject(path, `anything-but ${what} takes strings only`);
  }
  return list;
}

function nonEmptyString(operand: unknown, path: PatternPath, what: string): string {
  if (typeof operand !== 'string') reject(path, `anything-but ${what} must be a single string`);
  if (operand === '') reject(path, `anything-but ${what} must not be empty`);
  return operand;
}

function excludedByNested(operand: Readonly<Record<string, unknown>>, path: PatternPath): ValueTest {
  const keys = Object.keys(operand);
  if (keys.length !== 1)
    reject(path, 'anything-but takes exactly one of prefix, suffix, equals-ignore-case, wildcard');
  const [kind = ''] = keys;
  const inner = operand[kind];
  const innerPath = [...path, kind];
  if (kind === 'prefix') {
    const prefix = nonEmptyString(inner, innerPath, 'prefix');
    return (value) => typeof value === 'string' && value.startsWith(prefix);
  }
  if (kind === 'suffix') {
    const suffix = nonEmptyString(inner, innerPath, 'suffix');
    return (value) => typeof value === 'string' && value.endsWith(suffix);
  }
  if (kind === 'equals-ignore-case') {
    const lowered = new Set(stringList(inner, innerPath, 'equals-ignore-case').map((s) => s.toLowerCase()));
    return (value) => typeof value === 'string' && lowered.has(value.toLowerCase());
  }
  if (kind === 'wildcard') {
    const globs = stringList(inner, innerPath, 'wildcard').map((text) => parseWildcard(text, innerPath));
    return (value) => typeof value === 'string' && globs.some((pieces) => matchesWildcard(pieces, value));
  }
  return reject(path, `unsupported anything-but filter "${kind}"`);
}

function excludedByValues(operand: readonly unknown[], path: PatternPath): ValueTest {
  if (operand.length === 0) reject(path, 'anything-but list must not be empty');
  if (operand.every((item) => typeof item === 'string')) {
    const strings = new Set(operand);
    return (value) => typeof value === 'string' && strings.has(value);
  }
  if (operand.every(isFiniteNumber)) {
    const numbers = new Set(operand);
    return (value) => typeof value === 'number' && numbers.has(value);
  }
  return reject(path, 'anything-but list must hold only strings or only numbers');
}

/**
 * Compiles `{"anything-but": operand}` to a test that is true for every value the operand does not
 * exclude. Only strings can be excluded by string forms and only numbers by numeric ones, so null,
 * booleans and values of the other type always pass; a missing field never reaches this test.
 * @example compileAnythingBut({ prefix: 'init' }, ['state', 0, 'anything-but'])('pending') // true
 */
export function compileAnythingBut(operand: unknown, path: PatternPath): ValueTest {
  let excluded: ValueTest;
  if (typeof operand === 'string' || isFiniteNumber(operand)) excluded = excludedByValues([operand], path);
  else if (Array.isArray(operand)) excluded = excludedByValues(operand, path);
  else if (isPlainObject(operand)) excluded = excludedByNested(operand, path);
  else {
    return reject(
      path,
      'anything-but takes a string, a number, a list of either, or a prefix/suffix/equals-ignore-case/wildcard object',
    );
  }
  return (value) => !excluded(value);
}
