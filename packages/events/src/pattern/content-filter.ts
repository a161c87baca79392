import { compileAnythingBut } from './anything-but.js';
import { cidrContains, parseCidr } from './cidr.js';
import { isPlainObject, reject } from './guards.js';
import { inNumericRange, parseNumeric } from './numeric.js';
import type { PatternPath } from './path.js';
import type { ValueTest } from './value-test.js';
import { matchesWildcard, parseWildcard } from './wildcard.js';

/** A compiled content filter: an `exists` check on the field, or a test on each of its values. */
export type CompiledFilter = { readonly exists: boolean } | ValueTest;

type FilterCompiler = (operand: unknown, path: PatternPath) => CompiledFilter;

function requireString(operand: unknown, path: PatternPath, operator: string): string {
  if (typeof operand !== 'string') reject(path, `${operator} must be a string`);
  return operand;
}

function affix(operator: 'prefix' | 'suffix'): FilterCompiler {
  const test =
    operator === 'prefix'
      ? (value: string, wanted: string) => value.startsWith(wanted)
      : (value: string, wanted: string) => value.endsWith(wanted);
  return function compileAffix(operand, path) {
    if (isPlainObject(operand)) {
      const keys = Object.keys(operand);
      if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
        reject(path, `${operator} takes a string or {"equals-ignore-case": string}`);
      }
      const lowered = requireString(operand['equals-ignore-case'], [...path, 'equals-ignore-case'], operator);
      const wanted = lowered.toLowerCase();
      return (value) => typeof value === 'string' && test(value.toLowerCase(), wanted);
    }
    const wanted = requireString(operand, path, operator);
    return (value) => typeof value === 'string' && test(value, wanted);
  };
}

function compileEqualsIgnoreCase(operand: unknown, path: PatternPath): CompiledFilter {
  const wanted = requireString(operand, path, 'equals-ignore-case').toLowerCase();
  return (value) => typeof value === 'string' && value.toLowerCase() === wanted;
}

function compileWildcard(operand: unknown, path: PatternPath): CompiledFilter {
  const pieces = parseWildcard(requireString(operand, path, 'wildcard'), path);
  return (value) => typeof value === 'string' && matchesWildcard(pieces, value);
}

function compileNumeric(operand: unknown, path: PatternPath): CompiledFilter {
  const range = parseNumeric(operand, path);
  return (value) => typeof value === 'number' && inNumericRange(range, value);
}

function compileCidr(operand: unknown, path: PatternPath): CompiledFilter {
  const block = parseCidr(requireString(operand, path, 'cidr'), path);
  return (value) => typeof value === 'string' && cidrContains(block, value);
}

function compileExists(operand: unknown, path: PatternPath): CompiledFilter {
  if (typeof operand !== 'boolean') reject(path, 'exists must be true or false');
  return { exists: operand };
}

const COMPILERS = new Map<string, FilterCompiler>([
  ['prefix', affix('prefix')],
  ['suffix', affix('suffix')],
  ['equals-ignore-case', compileEqualsIgnoreCase],
  ['wildcard', compileWildcard],
  ['anything-but', compileAnythingBut],
  ['numeric', compileNumeric],
  ['cidr', compileCidr],
  ['exists', compileExists],
]);

/**
 * Compiles one content filter object (`{"prefix": "us-"}`, `{"numeric": [">", 0]}`…), rejecting an
 * unknown operator, more than one key, or an operand of the wrong shape.
 * @example compileContentFilter({ suffix: '.png' }, ['FileName', 0])
 */
export function compileContentFilter(
  filter: Readonly<Record<string, unknown>>,
  path: PatternPath,
): CompiledFilter {
  const keys = Object.keys(filter);
  if (keys.length !== 1) {
    reject(
      path,
      `a content filter has exactly one operator, found ${keys.length} (${keys.join(', ') || 'none'})`,
    );
  }
  const [operator = ''] = keys;
  const compiler = COMPILERS.get(operator);
  if (compiler === undefined) reject(path, `unknown operator "${operator}"`);
  return compiler(filter[operator], [...path, operator]);
}
