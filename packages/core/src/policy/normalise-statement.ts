import type { PolicyStatement, StatementRef } from '../types/policy.js';
import { type PrincipalEntry, principalEntries } from './principals.js';

/** A list of patterns from `Action`/`Resource` (`negated` false) or `NotAction`/`NotResource` (true). */
export interface PatternList {
  patterns: string[];
  negated: boolean;
}

/** One condition test: an operator, a key and the values the policy gives it. */
export interface ConditionClause {
  operator: string;
  key: string;
  values: string[];
}

/**
 * A statement as the evaluator reads it: every element a list of strings, whatever shape the
 * document had (one value or a list; values that are not strings, numbers or booleans are dropped).
 */
export interface NormalStatement {
  ref: StatementRef;
  effect: 'Allow' | 'Deny';
  actions: PatternList;
  /** Undefined when the statement names no resource: it applies to the policy's own resource. */
  resources: PatternList | undefined;
  /** Undefined when the statement has neither `Principal` nor `NotPrincipal` (identity policies). */
  principals: { entries: PrincipalEntry[]; negated: boolean } | undefined;
  /** Undefined when the Condition element is not a map of maps: nothing about it can be known. */
  conditions: ConditionClause[] | undefined;
}

/**
 * How messages name a statement: its index and, when it has one, its Sid.
 * @example statementLabel({ Sid: 'Admin', Effect: 'Allow' }, 0) // 'Statement[0] (Sid "Admin")'
 */
export function statementLabel(statement: Pick<PolicyStatement, 'Sid'>, index: number): string {
  const sid = typeof statement.Sid === 'string' ? statement.Sid.trim() : '';
  return sid ? `Statement[${index}] (Sid "${sid}")` : `Statement[${index}]`;
}

/** Reads one statement of a parsed document (`parsePolicyDocument` checked its Effect). */
export function normaliseStatement(statement: PolicyStatement, index: number): NormalStatement {
  const sid = typeof statement.Sid === 'string' && statement.Sid.trim() ? statement.Sid.trim() : undefined;
  const principal = statement.Principal ?? statement.NotPrincipal;
  return {
    ref: { index, ...(sid ? { sid } : {}), label: statementLabel(statement, index) },
    effect: statement.Effect,
    actions: patternList(statement.Action, statement.NotAction) ?? { patterns: [], negated: false },
    resources: patternList(statement.Resource, statement.NotResource),
    principals:
      principal === undefined
        ? undefined
        : { entries: principalEntries(principal), negated: statement.Principal === undefined },
    conditions: conditionClauses(statement.Condition),
  };
}

function patternList(positive: unknown, negative: unknown): PatternList | undefined {
  if (positive !== undefined) return { patterns: scalars(positive), negated: false };
  if (negative !== undefined) return { patterns: scalars(negative), negated: true };
  return undefined;
}

/** One value or a list of them, as strings. */
export function scalars(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const strings: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') strings.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') strings.push(String(item));
  }
  return strings;
}

function conditionClauses(condition: unknown): ConditionClause[] | undefined {
  if (condition === undefined) return [];
  if (!isRecord(condition)) return undefined;
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!isRecord(block)) return undefined;
    for (const [key, values] of Object.entries(block))
      clauses.push({ operator, key, values: scalars(values) });
  }
  return clauses;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
