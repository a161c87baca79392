import { globMatches } from '../glob/index.js';
import type {
  PolicyCaller,
  PolicyDecision,
  PolicyDocument,
  PolicyGrant,
  PolicyQuestion,
  StatementRef,
} from '../types/policy.js';
import { type ConditionOutcome, evaluateConditions } from './conditions.js';
import type { NormalStatement } from './normalise-statement.js';
import {
  ACTION,
  describeWitness,
  listCovers,
  listRemoves,
  listTouches,
  RESOURCE,
  witnessesOf,
} from './pattern-sets.js';
import { PreparedPolicy } from './prepared-policy.js';
import { type Caller, entryNames } from './principals.js';
import { contextFor } from './request-context.js';

/** A statement that applies to one caller: how it names the caller, and what its Condition says. */
interface Judged {
  statement: NormalStatement;
  principal: string;
  named: boolean;
  account: string | undefined;
  condition: ConditionOutcome;
}

interface CallerOutcome {
  grants: PolicyGrant[];
  allowedBy: StatementRef[];
  deniedBy: StatementRef[];
}

/**
 * Answers one question about one policy as IAM judges it (IAM policy evaluation logic; IAM JSON
 * policy elements): an explicit Deny overrides any Allow, and without an Allow the answer is the
 * implicit deny; `Action`/`NotAction` (case-insensitive, `*` and `?`), `Resource`/`NotResource`,
 * `Principal`/`NotPrincipal` (account ids and root ARNs name every principal of the account, role
 * ARNs their sessions, `*` everyone, unique ids of deleted principals no one), and `Condition`.
 *
 * Conditions Customs can decide are decided: the keys that say who the caller is
 * (`aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`), the
 * source keys (`aws:SourceAccount`, `aws:SourceArn`, absent when a principal calls directly) and
 * `sts:ExternalId` (presented by the caller of `sts:AssumeRole` as it likes), with every operator
 * family's absent-key rule, negated operators, `...IfExists`, `Null`, `ForAllValues:` and
 * `ForAnyValue:`. Any other condition (a source IP, MFA, a tag) is unknown: an Allow under it still
 * grants (the grant lists the key in `conditions`: a conditional grant is still a grant), and a Deny
 * under it cannot be relied on to take anything away.
 *
 * Abstract callers (`anyone`, `outside`) stand for every caller of their kind; the answer is
 * `allowed` when any of them is allowed (see `callersFor`). Patterns in `action` and `resource`
 * stand for every string they match (`scope: 'every'`, the default) or for some of them (`some`).
 *
 * @example
 * // Does an identity policy allow every action on every resource, after Deny?
 * evaluatePolicy(policy.document, { action: '*', resource: '*' }).decision; // 'allowed' | 'denied' | 'not-granted'
 * @example
 * // Can anyone outside the account and the trusted accounts push to this repository?
 * const answer = evaluatePolicy(repository.policy, {
 *   principal: { kind: 'outside', accountId: repository.accountId, trustedAccounts: ['444455556666'] },
 *   action: 'ecr:PutImage',
 *   resource: repository.id,
 * });
 * answer.grants.map((grant) => `${grant.statement.label} allows ${grant.principal}`);
 */
export function evaluatePolicy(
  policy: PolicyDocument | PreparedPolicy,
  question: PolicyQuestion,
): PolicyDecision {
  const prepared = policy instanceof PreparedPolicy ? policy : new PreparedPolicy(policy);
  const statements = prepared.statements;
  const callers = prepared.callersFor(question.principal ?? ATTACHED);
  const assumeRole = globMatches(question.action, 'sts:AssumeRole', ACTION);
  const outcomes: CallerOutcome[] = [];
  for (const caller of callers) outcomes.push(judgeCaller(statements, caller, question, assumeRole));
  return merge(outcomes);
}

const ATTACHED: PolicyCaller = { kind: 'attached' };

function judgeCaller(
  statements: NormalStatement[],
  caller: Caller,
  question: PolicyQuestion,
  assumeRole: boolean,
): CallerOutcome {
  const lookup = contextFor(caller, assumeRole ? 'sts:AssumeRole' : question.action);
  const allows: Judged[] = [];
  const denies: Judged[] = [];
  for (const statement of statements) {
    const via = principalVia(statement, caller);
    if (via === undefined) continue;
    const condition = evaluateConditions(statement.conditions, lookup, statement.effect);
    const judged: Judged = {
      statement,
      principal: via.principal,
      named: via.named,
      account: via.account,
      condition,
    };
    if (statement.effect === 'Allow') {
      if (condition.holds !== 'false') allows.push(judged);
    } else if (condition.holds === 'true') denies.push(judged);
  }
  return question.scope === 'some'
    ? judgeSome(allows, denies, question)
    : judgeEvery(allows, denies, question);
}

/** How the statement's Principal names the caller, or undefined when it does not. */
function principalVia(
  statement: NormalStatement,
  caller: Caller,
): Pick<Judged, 'principal' | 'named' | 'account'> | undefined {
  if (caller.type === 'attached') return { principal: '', named: false, account: caller.account };
  const principals = statement.principals;
  if (principals === undefined) return undefined;
  if (principals.negated) {
    const excluded = principals.entries.some((entry) => entryNames(entry, caller));
    return excluded ? undefined : { principal: 'NotPrincipal', named: false, account: undefined };
  }
  const naming = principals.entries.filter((entry) => entryNames(entry, caller));
  const named = naming.find((entry) => entry.kind !== 'everyone' && entry.kind !== 'aws-everyone');
  if (named)
    return { principal: named.value, named: true, account: 'account' in named ? named.account : undefined };
  return naming.length > 0 ? { principal: '*', named: false, account: undefined } : undefined;
}

/** Every action (and resource) the question matches must be allowed, and no Deny may touch any. */
function judgeEvery(allows: Judged[], denies: Judged[], question: PolicyQuestion): CallerOutcome {
  let covering: Judged[] = [];
  for (const each of allows) {
    if (
      listCovers(each.statement.resources, question.resource, RESOURCE) &&
      listCovers(each.statement.actions, question.action, ACTION)
    )
      covering.push(each);
  }
  if (covering.length === 0) covering = complementCover(allows, question.action, question.resource);
  if (covering.length === 0) return { grants: [], allowedBy: [], deniedBy: [] };
  const deniedBy: StatementRef[] = [];
  for (const each of denies) {
    if (
      listTouches(each.statement.actions, question.action, ACTION) &&
      listTouches(each.statement.resources, question.resource, RESOURCE)
    )
      deniedBy.push(each.statement.ref);
  }
  const grants = deniedBy.length > 0 ? [] : covering.map((each) => grantOf(each, [question.action]));
  return { grants, allowedBy: covering.map((each) => each.statement.ref), deniedBy };
}

/**
 * An Allow with `NotAction` whose left-out actions other Allows grant back (`NotAction: iam:*` and
 * `Action: iam:*`) covers the question together with them.
 */
function complementCover(allows: Judged[], action: string, resource: string | undefined): Judged[] {
  for (const base of allows) {
    const actions = base.statement.actions;
    if (!actions.negated || !listCovers(base.statement.resources, resource, RESOURCE)) continue;
    const fillers: Judged[] = [];
    let complete = true;
    for (const hole of actions.patterns) {
      if (!listTouches({ patterns: [hole], negated: false }, action, ACTION)) continue;
      const filler = allows.find(
        (each) =>
          each !== base &&
          listCovers(each.statement.resources, resource, RESOURCE) &&
          listCovers(each.statement.actions, hole, ACTION) &&
          !each.statement.actions.negated,
      );
      if (filler === undefined) {
        complete = false;
        break;
      }
      if (!fillers.includes(filler)) fillers.push(filler);
    }
    if (complete) return [base, ...fillers].sort((a, b) => a.statement.ref.index - b.statement.ref.index);
  }
  return [];
}

/** Some action (and resource) the question matches is allowed and no surely-applying Deny takes it away. */
function judgeSome(allows: Judged[], denies: Judged[], question: PolicyQuestion): CallerOutcome {
  const outcome: CallerOutcome = { grants: [], allowedBy: [], deniedBy: [] };
  for (const allow of allows) {
    const actionWitnesses = witnessesOf(allow.statement.actions, question.action, ACTION);
    const resourceWitnesses = witnessesOf(allow.statement.resources, question.resource, RESOURCE);
    if (actionWitnesses.length === 0 || resourceWitnesses.length === 0) continue;
    outcome.allowedBy.push(allow.statement.ref);
    const granted: string[] = [];
    for (const action of actionWitnesses) {
      let kept = false;
      for (const resource of resourceWitnesses) {
        const remover = denies.find(
          (deny) =>
            listRemoves(deny.statement.actions, action, ACTION) &&
            listRemoves(deny.statement.resources, resource, RESOURCE),
        );
        if (remover) addRef(outcome.deniedBy, remover.statement.ref);
        else kept = true;
      }
      if (kept && action) granted.push(describeWitness(action, 'action'));
    }
    if (granted.length > 0) outcome.grants.push(grantOf(allow, granted));
  }
  return outcome;
}

function grantOf(judged: Judged, actions: string[]): PolicyGrant {
  return {
    statement: judged.statement.ref,
    principal: judged.principal,
    named: judged.named,
    ...(judged.account === undefined || !judged.named ? {} : { account: judged.account }),
    actions,
    conditions: judged.condition.openKeys,
  };
}

/** Any caller allowed is an answer; grants to the same statement and principal merge. */
function merge(outcomes: CallerOutcome[]): PolicyDecision {
  const grants = new Map<string, PolicyGrant>();
  const allowedBy: StatementRef[] = [];
  const deniedBy: StatementRef[] = [];
  for (const outcome of outcomes) {
    for (const grant of outcome.grants) {
      const key = `${grant.statement.index}|${grant.principal}`;
      const seen = grants.get(key);
      if (seen === undefined) grants.set(key, { ...grant, actions: [...grant.actions] });
      else {
        for (const action of grant.actions) if (!seen.actions.includes(action)) seen.actions.push(action);
        seen.conditions = seen.conditions.filter((key) => grant.conditions.includes(key));
      }
    }
    for (const ref of outcome.allowedBy) addRef(allowedBy, ref);
    for (const ref of outcome.deniedBy) addRef(deniedBy, ref);
  }
  const granted = [...grants.values()].sort((a, b) => a.statement.index - b.statement.index);
  const decision =
    granted.length > 0 ? 'allowed' : allowedBy.length > 0 && deniedBy.length > 0 ? 'denied' : 'not-granted';
  return { decision, grants: granted, allowedBy: sorted(allowedBy), deniedBy: sorted(deniedBy) };
}

function addRef(refs: StatementRef[], ref: StatementRef): void {
  if (!refs.some((each) => each.index === ref.index)) refs.push(ref);
}

function sorted(refs: StatementRef[]): StatementRef[] {
  return [...refs].sort((a, b) => a.index - b.index);
}
