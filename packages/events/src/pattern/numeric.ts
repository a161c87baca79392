import { isFiniteNumber, reject } from './guards.js';
import type { PatternPath } from './path.js';

/** A parsed `numeric` filter: one comparison, or a lower and an upper bound. */
export interface NumericRange {
  readonly equals?: number;
  readonly lower?: { readonly value: number; readonly inclusive: boolean };
  readonly upper?: { readonly value: number; readonly inclusive: boolean };
}

const LOWER = new Set(['>', '>=']);
const UPPER = new Set(['<', '<=']);

function readComparison(operand: readonly unknown[], at: number, path: PatternPath): [string, number] {
  const operator = operand[at];
  const value = operand[at + 1];
  if (typeof operator !== 'string' || !(operator === '=' || LOWER.has(operator) || UPPER.has(operator))) {
    reject(path, `unrecognized numeric operator ${JSON.stringify(operator)} (use =, <, <=, > or >=)`);
  }
  if (!isFiniteNumber(value)) reject(path, `the value after "${operator}" must be a number`);
  return [operator, value];
}

function boundOf(operator: string, value: number): NumericRange {
  if (operator === '=') return { equals: value };
  const bound = { value, inclusive: operator.endsWith('=') };
  return LOWER.has(operator) ? { lower: bound } : { upper: bound };
}

/**
 * Parses `["=", 100]`, `["<", 10]` or a range `[">", 0, "<=", 5]` (lower bound first, below the
 * upper bound), rejecting every other shape as PutRule does.
 * @example parseNumeric(['>', 0, '<=', 5], ['detail', 'c-count', 0, 'numeric'])
 */
export function parseNumeric(operand: unknown, path: PatternPath): NumericRange {
  if (!Array.isArray(operand)) reject(path, 'numeric must be an array such as [">", 0, "<=", 5]');
  if (operand.length !== 2 && operand.length !== 4) {
    reject(path, 'numeric takes one comparison [op, number] or a range [">"|">=", low, "<"|"<=", high]');
  }
  const [firstOperator, firstValue] = readComparison(operand, 0, path);
  if (operand.length === 2) return boundOf(firstOperator, firstValue);
  if (!LOWER.has(firstOperator)) {
    reject(path, `a numeric range starts with ">" or ">=", not "${firstOperator}"`);
  }
  const [secondOperator, secondValue] = readComparison(operand, 2, path);
  if (!UPPER.has(secondOperator)) {
    reject(path, `a numeric range ends with "<" or "<=", not "${secondOperator}"`);
  }
  if (secondValue <= firstValue) {
    reject(path, `numeric range bottom ${firstValue} must be less than top ${secondValue}`);
  }
  return { ...boundOf(firstOperator, firstValue), ...boundOf(secondOperator, secondValue) };
}

/**
 * Whether the number `value` satisfies the range.
 * @example inNumericRange({ lower: { value: 10, inclusive: false } }, 20) // true
 */
export function inNumericRange(range: NumericRange, value: number): boolean {
  const { equals, lower, upper } = range;
  if (equals !== undefined) return value === equals;
  if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
  if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
  return true;
}
