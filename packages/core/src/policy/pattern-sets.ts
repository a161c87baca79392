import { type GlobOptions, globCovers, globsIntersect } from '../glob/index.js';
import type { PatternList } from './normalise-statement.js';

/** IAM actions: case-insensitive, `*` and `?` (IAM JSON policy elements: Action). */
export const ACTION: GlobOptions = { ignoreCase: true };
/** Resource ARNs: case-sensitive, `*` and `?` (IAM JSON policy elements: Resource). */
export const RESOURCE: GlobOptions = {};

/**
 * A part of what a question asks that one Allow statement grants: the strings `pattern` matches,
 * but none of `except` (from a `NotAction`/`NotResource`). Undefined stands for the policy's own
 * resource, when the question names none.
 */
export interface Witness {
  pattern: string;
  except: string[];
}

/**
 * Does an `Action`/`Resource` list (or its `Not` form) cover every string the question matches?
 * A missing list (a resource policy's statement without `Resource`) or a missing question covers.
 * Sound: true only when it surely does.
 */
export function listCovers(
  list: PatternList | undefined,
  question: string | undefined,
  options: GlobOptions,
): boolean {
  if (list === undefined || question === undefined) return true;
  return list.negated
    ? list.patterns.every((pattern) => !globsIntersect(pattern, question, options))
    : list.patterns.some((pattern) => globCovers(pattern, question, options));
}

/** Does the list reach some string the question matches? True unless it surely does not. */
export function listTouches(
  list: PatternList | undefined,
  question: string | undefined,
  options: GlobOptions,
): boolean {
  if (list === undefined || question === undefined) return true;
  return list.negated
    ? !list.patterns.some((pattern) => globCovers(pattern, question, options))
    : list.patterns.some((pattern) => globsIntersect(pattern, question, options));
}

/**
 * The parts of the question an Allow's list grants: each of its patterns that meets the question
 * (the narrower of the two), or the question minus a `Not` list that does not cover it.
 */
export function witnessesOf(
  list: PatternList | undefined,
  question: string | undefined,
  options: GlobOptions,
): (Witness | undefined)[] {
  if (question === undefined) return [undefined];
  if (list === undefined) return [{ pattern: question, except: [] }];
  if (list.negated) {
    const coversAll = list.patterns.some((pattern) => globCovers(pattern, question, options));
    const except = list.patterns.filter((pattern) => globsIntersect(pattern, question, options));
    return coversAll ? [] : [{ pattern: question, except }];
  }
  return list.patterns
    .filter((pattern) => globsIntersect(pattern, question, options))
    .map((pattern) => ({ pattern: globCovers(question, pattern, options) ? pattern : question, except: [] }));
}

/**
 * Does a Deny's list surely take away the whole witness? `Action` must cover it; `NotAction`
 * (deny everything but these) must leave out nothing of it but what the witness already excepts.
 */
export function listRemoves(
  list: PatternList | undefined,
  witness: Witness | undefined,
  options: GlobOptions,
): boolean {
  if (list === undefined || witness === undefined) return true;
  if (!list.negated) return list.patterns.some((pattern) => globCovers(pattern, witness.pattern, options));
  return list.patterns.every(
    (kept) =>
      !mayIntersect(kept, witness.pattern, options) ||
      witness.except.some((excepted) => globCovers(excepted, kept, options)),
  );
}

/** Both sides here come from the policy: past a million pairs of positions, assume they meet (no removal). */
const MAX_INTERSECTION_WORK = 1_000_000;

function mayIntersect(a: string, b: string, options: GlobOptions): boolean {
  return a.length * b.length > MAX_INTERSECTION_WORK || globsIntersect(a, b, options);
}

/** A witness for messages: `ecr:BatchGetImage`, or `every action but iam:*`. */
export function describeWitness(witness: Witness, noun: string): string {
  if (witness.except.length === 0) return witness.pattern;
  const base = witness.pattern === '*' ? `every ${noun}` : witness.pattern;
  return `${base} but ${witness.except.join(', ')}`;
}
