/** A value of a policy element that AWS allows as one string or a list. */
export type OneOrMany<T> = T | T[];

/** `"*"` or a map such as `{"AWS": [...], "Service": "..."}`. */
export type PolicyPrincipal = '*' | Record<string, OneOrMany<string>>;

/** One statement of an IAM or resource policy, with AWS's element names. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: Record<string, Record<string, OneOrMany<string | number | boolean>>>;
}

/** A policy document; `Statement` is always a list once parsed by `parsePolicyDocument`. */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

/**
 * Who asks a policy question (`evaluatePolicy`).
 * - `attached`: the principal an identity policy is attached to (the default; `Principal` and
 *   `NotPrincipal` are not read), optionally with its account.
 * - `aws`: one IAM principal by ARN: a user, a role, an assumed-role session
 *   (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), or an account's root (`arn:aws:iam::ACCOUNT:root`);
 *   `orgId` when its organization is known (null: in none).
 * - `service` / `federated`: an AWS service principal or an identity provider.
 * - `anyone`: an arbitrary caller: any AWS account (one the policy does not name), in an
 *   organization of its own or in none, or no account at all (anonymous).
 * - `outside`: any caller outside `accountId` and `trustedAccounts`: the `anyone` callers, and
 *   every account or principal outside them that the policy names.
 */
export type PolicyCaller =
  | { kind: 'attached'; accountId?: string }
  | { kind: 'aws'; arn: string; orgId?: string | null }
  | { kind: 'service'; service: string }
  | { kind: 'federated'; provider: string }
  | { kind: 'anyone' }
  | { kind: 'outside'; accountId: string; trustedAccounts?: readonly string[] };

/** One question to `evaluatePolicy`: may `principal` perform `action` on `resource`? */
export interface PolicyQuestion {
  /** Who asks; `attached` (identity policies) by default. */
  principal?: PolicyCaller;
  /** An action (`ecr:PutImage`), or a pattern standing for the actions it matches (`*`, `ecr:*`). */
  action: string;
  /** An ARN or an ARN pattern (`*`); omitted: the resource the policy is attached to. */
  resource?: string;
  /**
   * For patterns: must `every` action (and resource) the pattern matches be allowed (the default,
   * "does it allow `*` on `*`?"), or is `some` enough ("can everyone do anything at all?").
   */
  scope?: 'every' | 'some';
}

/** A statement of a policy, as messages name it. */
export interface StatementRef {
  /** Its place in `Statement`, from 0. */
  index: number;
  sid?: string;
  /** `Statement[1] (Sid "Admin")`, or `Statement[1]` without a Sid. */
  label: string;
}

/** One Allow statement that grants the question to one principal, as the statement names it. */
export interface PolicyGrant {
  statement: StatementRef;
  /**
   * The principal as the statement names it: an ARN or an account id (`named`), `*` (for
   * `"*"`, `{"AWS": "*"}`), `NotPrincipal` (everyone it does not name), or '' for the principal an
   * identity policy is attached to.
   */
  principal: string;
  /** Whether the statement names that principal itself (an account or an ARN), not through `*`. */
  named: boolean;
  /** The granted principal's account, when it has one. */
  account?: string;
  /** What it grants: the question's action, or (scope `some`) the statement's own patterns. */
  actions: string[];
  /**
   * The condition keys the grant still depends on, as the statement writes them, whose values
   * Customs cannot know (`aws:SourceIp`, `sts:ExternalId` the caller presents…); empty when it holds
   * unconditionally. A conditional grant is still a grant.
   */
  conditions: string[];
}

/** The answer to a `PolicyQuestion`. */
export interface PolicyDecision {
  /**
   * `allowed`: some Allow grants it (see `grants`) and no Deny that surely applies takes it away;
   * `denied`: an Allow grants it, but a Deny takes it (or, for scope `every`, part of it) away;
   * `not-granted`: no Allow grants it (IAM's implicit deny).
   */
  decision: 'allowed' | 'denied' | 'not-granted';
  grants: PolicyGrant[];
  /** The Allow statements that grant it, whether or not a Deny takes it away. */
  allowedBy: StatementRef[];
  /** The Deny statements that take it away. */
  deniedBy: StatementRef[];
}
