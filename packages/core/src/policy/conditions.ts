import { globCovers, globMatches } from '../glob/index.js';
import type { ConditionClause } from './normalise-statement.js';

/**
 * What the evaluator knows of a condition key for one caller:
 * `absent` (not in the request context), `known` values, `unknown` (Customs cannot tell: a source
 * IP, MFA, tags…), or `supplied` (the caller presents whatever value it likes, as `sts:ExternalId`).
 */
export type KeyState =
  | { state: 'absent' }
  | { state: 'known'; values: string[] }
  | { state: 'unknown' }
  | { state: 'supplied' };

/** Three-valued: the condition surely holds, surely does not, or depends on what Customs cannot know. */
export type Truth = 'true' | 'false' | 'unknown';

/** A statement's Condition for one caller, and the keys an `unknown` depends on. */
export interface ConditionOutcome {
  holds: Truth;
  openKeys: string[];
}

type Compare = (policyValue: string, requestValue: string) => boolean;

interface Operator {
  compare: Compare | undefined;
  negated: boolean;
  ifExists: boolean;
  set: 'all' | 'any' | undefined;
  isNull: boolean;
}

const COMPARE: Record<string, Compare> = {
  stringequals: (p, r) => p === r,
  stringequalsignorecase: (p, r) => p.toLowerCase() === r.toLowerCase(),
  stringlike: (p, r) => globMatches(p, r),
  arnequals: arnMatches,
  arnlike: arnMatches,
};

const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
};

/** Operators Customs does not compare (numbers, dates, Bool, IPs, binary): only their absent-key rule applies. */
const OTHER = new Set([
  'numericequals',
  'numericlessthan',
  'numericlessthanequals',
  'numericgreaterthan',
  'numericgreaterthanequals',
  'dateequals',
  'datelessthan',
  'datelessthanequals',
  'dategreaterthan',
  'dategreaterthanequals',
  'bool',
  'binaryequals',
  'ipaddress',
]);
const OTHER_NEGATED = new Set(['numericnotequals', 'datenotequals', 'notipaddress']);

/**
 * Evaluates a statement's Condition block for one caller (`effect` is the statement's), as IAM does (IAM JSON policy elements:
 * Condition operators; Conditions with multiple context keys or values): operators AND, keys AND,
 * values OR, a negated operator's values NOR; a key absent from the request makes a condition false,
 * a negated one true, an `...IfExists` one true; `Null` tests presence; `ForAllValues:` holds on an
 * absent key, `ForAnyValue:` does not. An unknown operator, or a policy variable in a value, is `unknown`.
 */
export function evaluateConditions(
  clauses: ConditionClause[] | undefined,
  lookup: (key: string) => KeyState,
  effect: 'Allow' | 'Deny' = 'Allow',
): ConditionOutcome {
  if (clauses === undefined) return { holds: 'unknown', openKeys: ['Condition'] };
  const openKeys: string[] = [];
  for (const clause of clauses) {
    const truth = clauseHolds(clause, lookup(clause.key.toLowerCase()), effect);
    if (truth === 'false') return { holds: 'false', openKeys: [] };
    if (truth === 'unknown' && !openKeys.includes(clause.key)) openKeys.push(clause.key);
  }
  return { holds: openKeys.length > 0 ? 'unknown' : 'true', openKeys };
}

function clauseHolds(clause: ConditionClause, key: KeyState, effect: 'Allow' | 'Deny'): Truth {
  const operator = parseOperator(clause.operator);
  if (operator === undefined) return 'unknown';
  // A value the caller chooses is chosen to escape a Deny: such a Deny is never sure to apply.
  if (key.state === 'supplied' && effect === 'Deny') return 'unknown';
  if (operator.isNull) return nullHolds(clause.values, key);
  if (key.state === 'known' && key.values.length === 0)
    return clauseHolds(clause, { state: 'absent' }, effect);
  switch (key.state) {
    case 'absent':
      if (operator.ifExists || operator.set === 'all') return 'true';
      return operator.set === undefined && operator.negated ? 'true' : 'false';
    case 'unknown':
      return 'unknown';
    case 'supplied':
      return suppliedHolds(operator, clause.values);
    default:
      return knownHolds(operator, clause.values, key.values);
  }
}

function parseOperator(name: string): Operator | undefined {
  let base = name.toLowerCase();
  let set: Operator['set'];
  if (base.startsWith('forallvalues:')) set = 'all';
  else if (base.startsWith('foranyvalue:')) set = 'any';
  if (set) base = base.slice(base.indexOf(':') + 1);
  if (base === 'null') return { compare: undefined, negated: false, ifExists: false, set, isNull: true };
  const ifExists = base.endsWith('ifexists');
  if (ifExists) base = base.slice(0, -'ifexists'.length);
  const positive = NEGATED[base] ?? base;
  const negated = positive !== base || OTHER_NEGATED.has(base);
  if (!(positive in COMPARE) && !OTHER.has(base) && !OTHER_NEGATED.has(base)) return undefined;
  return { compare: COMPARE[positive], negated, ifExists, set, isNull: false };
}

function nullHolds(values: string[], key: KeyState): Truth {
  if (key.state === 'unknown') return 'unknown';
  if (key.state === 'supplied') return 'true';
  const absent = key.state === 'absent' || key.values.length === 0;
  return values.some((value) => value.toLowerCase() === (absent ? 'true' : 'false')) ? 'true' : 'false';
}

/** The caller chooses the value: it can always omit it or pick one a negated test does not list. */
function suppliedHolds(operator: Operator, values: string[]): Truth {
  if (operator.ifExists || operator.set === 'all' || operator.negated) return 'true';
  const anyValueMatches =
    operator.compare !== undefined &&
    operator.compare !== COMPARE.stringequals &&
    operator.compare !== COMPARE.stringequalsignorecase &&
    values.some((value) => !value.includes('${') && globCovers(value, '*'));
  return anyValueMatches ? 'true' : 'unknown';
}

function knownHolds(operator: Operator, policyValues: string[], requestValues: string[]): Truth {
  const compare = operator.compare;
  if (compare === undefined || policyValues.some((value) => value.includes('${'))) return 'unknown';
  const satisfies = (requestValue: string) =>
    policyValues.some((policyValue) => compare(policyValue, requestValue)) !== operator.negated;
  const holds = operator.set === 'all' ? requestValues.every(satisfies) : requestValues.some(satisfies);
  return holds ? 'true' : 'false';
}

/**
 * ArnEquals / ArnLike: each of the six colon-separated parts is matched on its own, with `*` and
 * `?`, case-sensitively; a value of fewer than six parts (such as `*`) is matched whole.
 */
function arnMatches(policyValue: string, requestValue: string): boolean {
  const pattern = sixParts(policyValue);
  if (pattern.length < 6) return globMatches(policyValue, requestValue);
  const value = sixParts(requestValue);
  return value.length === 6 && pattern.every((part, index) => globMatches(part, value[index] as string));
}

function sixParts(arn: string): string[] {
  const parts = arn.split(':');
  return parts.length <= 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')];
}
