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
