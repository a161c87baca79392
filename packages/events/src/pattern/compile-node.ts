import { forEachLeafElement } from './event-arrays.js';
import { isPlainObject, ownField, reject } from './guards.js';
import { compileLeaf, type NodeTest } from './leaf.js';
import type { PatternPath } from './path.js';

/** A test on one event object (undefined when the event has no object at that path). */
type FieldsTest = (object: Readonly<Record<string, unknown>> | undefined) => boolean;

function compileOr(alternatives: unknown, path: PatternPath): FieldsTest {
  if (!Array.isArray(alternatives) || alternatives.length < 2) {
    reject(path, '$or must be an array of at least two patterns');
  }
  const tests = alternatives.map((alternative, index) => {
    if (!isPlainObject(alternative)) reject([...path, index], 'each $or alternative must be an object');
    return compileFields(alternative, [...path, index]);
  });
  return (object) => tests.some((test) => test(object));
}

/** Compiles the fields of one pattern object: every field must match (AND). */
function compileFields(pattern: Readonly<Record<string, unknown>>, path: PatternPath): FieldsTest {
  const keys = Object.keys(pattern);
  if (keys.length === 0) reject(path, 'a pattern object must not be empty');
  const leaves: FieldsTest[] = [];
  const nested: FieldsTest[] = [];
  for (const key of keys) {
    const value = pattern[key];
    const fieldPath = [...path, key];
    if (key === '$or') {
      nested.push(compileOr(value, fieldPath));
    } else if (Array.isArray(value)) {
      const leaf = compileLeaf(value, fieldPath);
      leaves.push((object) => leaf(ownField(object, key)));
    } else if (isPlainObject(value)) {
      const child = compileNode(value, fieldPath);
      nested.push((object) => child(ownField(object, key)));
    } else {
      reject(fieldPath, 'must be an object or an array');
    }
  }
  const checks = [...leaves, ...nested];
  return function matchesAllFields(object) {
    for (const check of checks) if (!check(object)) return false;
    return true;
  };
}

/** Whether any object among the (possibly nested) array elements passes; arrays hold no object → test undefined. */
function anyElement(array: readonly unknown[], test: FieldsTest): boolean {
  let sawObject = false;
  const matched = forEachLeafElement(array, function testObject(element) {
    if (!isPlainObject(element)) return false;
    sawObject = true;
    return test(element);
  });
  return matched || (!sawObject && test(undefined));
}

/**
 * Compiles a pattern object into a test on the event node at its path. When the node is an array,
 * the pattern must match one element as a whole (fields from different elements never combine).
 * Throws EventPatternError for an invalid pattern.
 * @example compileNode({ state: ['terminated'] }, ['detail'])({ state: 'terminated' }) // true
 */
export function compileNode(pattern: Readonly<Record<string, unknown>>, path: PatternPath): NodeTest {
  const fields = compileFields(pattern, path);
  return function matchesNode(node) {
    if (Array.isArray(node)) return anyElement(node, fields);
    return fields(isPlainObject(node) ? node : undefined);
  };
}
