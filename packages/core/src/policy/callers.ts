import type { PolicyCaller } from '../types/policy.js';
import type { NormalStatement } from './normalise-statement.js';
import { accountOfPrincipal, type Caller, callerOfArn } from './principals.js';

/**
 * The callers a question stands for. A concrete question is one caller. `anyone` is an arbitrary
 * AWS principal of an account the policy does not name (in an organization the policy does not
 * name, or in none) and an anonymous caller. `outside` adds every principal outside the trusted
 * accounts that an Allow statement names, in its Principal or in its `aws:PrincipalAccount` /
 * `aws:PrincipalArn` conditions. Each is a real caller, so whatever it is allowed, an outsider is
 * allowed: the answer errs towards a finding, never away from one.
 */
export function callersFor(question: PolicyCaller, statements: NormalStatement[]): Caller[] {
  switch (question.kind) {
    case 'attached':
      return [{ type: 'attached', ...(question.accountId ? { account: question.accountId } : {}) }];
    case 'aws':
      return [callerOfArn(question.arn, question.orgId)];
    case 'service':
      return [{ type: 'service', name: question.service }];
    case 'federated':
      return [{ type: 'federated', name: question.provider }];
    case 'anyone':
      return unnamedCallers(statements, new Set());
    default: {
      const trusted = new Set([question.accountId, ...(question.trustedAccounts ?? [])]);
      const unnamed = unnamedCallers(statements, trusted);
      const orgId = unnamed[0]?.orgId ?? null;
      return dedupe([...unnamed, ...namedOutsiders(statements, trusted, orgId)]);
    }
  }
}

/** An account, ARN and organization that no statement names: a caller no policy literal can single out. */
function unnamedCallers(statements: NormalStatement[], trusted: Set<string>): Caller[] {
  const literals = literalsOf(statements);
  const account = freshAccount(literals, trusted);
  const orgId = freshOrgId(literals);
  const arn = unnamedArnIn(account);
  return [
    { type: 'aws', account, arn, orgId },
    { type: 'aws', account, arn, orgId: null },
    { type: 'anonymous' },
  ];
}

/** Each outside account or ARN an Allow names, in an organization of its own and in none. */
function namedOutsiders(statements: NormalStatement[], trusted: Set<string>, orgId: string | null): Caller[] {
  const named: Caller[] = [];
  const add = (account: string | undefined, arn: string | undefined) => {
    if (account === undefined || trusted.has(account)) return;
    const principalArn = arn ?? unnamedArnIn(account);
    named.push(
      { type: 'aws', account, arn: principalArn, orgId },
      { type: 'aws', account, arn: principalArn, orgId: null },
    );
  };
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    if (statement.principals && !statement.principals.negated) {
      for (const entry of statement.principals.entries) {
        if (entry.kind === 'account') add(entry.account, undefined);
        if (entry.kind === 'arn') add(entry.account, entry.arn);
      }
    }
    for (const clause of statement.conditions ?? []) {
      const key = clause.key.toLowerCase();
      if (key !== 'aws:principalaccount' && key !== 'aws:principalarn') continue;
      for (const value of clause.values) {
        const account = key === 'aws:principalaccount' ? value : accountOfPrincipal(value);
        add(
          account !== undefined && accountOfPrincipal(account) === account ? account : undefined,
          wildcardFree(value, key),
        );
      }
    }
  }
  return named;
}

function wildcardFree(value: string, key: string): string | undefined {
  return key === 'aws:principalarn' && !value.includes('*') && !value.includes('?') ? value : undefined;
}

function unnamedArnIn(account: string): string {
  return `arn:aws:iam::${account}:role/customs-unnamed-principal`;
}

/** Every string a statement compares callers with: principal values and condition values. */
function literalsOf(statements: NormalStatement[]): string[] {
  const literals: string[] = [];
  for (const statement of statements) {
    for (const entry of statement.principals?.entries ?? []) literals.push(entry.value);
    for (const clause of statement.conditions ?? []) literals.push(...clause.values);
  }
  return literals;
}

/**
 * A 12-digit account id that appears in no literal (not even inside an ARN) and is not trusted:
 * one pass collects every 12-digit window of the literals' digit runs, so hostile policies cannot
 * make the search slow.
 */
function freshAccount(literals: string[], trusted: Set<string>): string {
  const taken = new Set(trusted);
  for (const literal of literals) {
    let run = 0;
    for (let index = 0; index < literal.length; index += 1) {
      run = isDigit(literal.charCodeAt(index)) ? run + 1 : 0;
      if (run >= 12) taken.add(literal.slice(index - 11, index + 1));
    }
  }
  for (let index = 0; ; index += 1) {
    const candidate = String(999_999_999_999 - index);
    if (!taken.has(candidate)) return candidate;
  }
}

/** An organization id `o-customs<N>x` that appears in no literal (one pass, as above). */
function freshOrgId(literals: string[]): string {
  const taken = new Set<string>();
  for (const literal of literals) {
    for (let at = literal.indexOf('o-customs'); at >= 0; at = literal.indexOf('o-customs', at + 1)) {
      let end = at + 'o-customs'.length;
      while (isDigit(literal.charCodeAt(end))) end += 1;
      if (literal[end] === 'x') taken.add(literal.slice(at, end + 1));
    }
  }
  for (let index = 0; ; index += 1) {
    const candidate = `o-customs${index}x`;
    if (!taken.has(candidate)) return candidate;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function dedupe(callers: Caller[]): Caller[] {
  const seen = new Set<string>();
  const unique: Caller[] = [];
  for (const caller of callers) {
    const key = `${caller.type}|${caller.account}|${caller.arn}|${caller.orgId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(caller);
  }
  return unique;
}
