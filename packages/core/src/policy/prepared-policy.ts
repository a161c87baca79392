import type { PolicyCaller, PolicyDocument, PolicyStatement } from '../types/policy.js';
import { callersFor } from './callers.js';
import { type NormalStatement, normaliseStatement } from './normalise-statement.js';
import type { Caller } from './principals.js';

/**
 * A policy document read once for several questions: its statements normalised, and the callers
 * each question's principal stands for worked out once per principal object (a check asks about
 * four push actions, or three assume actions, of the same document and principal).
 * @example
 * const policy = preparePolicy(repository.policy);
 * const [put, upload] = ['ecr:PutImage', 'ecr:UploadLayerPart'].map((action) => evaluatePolicy(policy, { principal, action }));
 */
export class PreparedPolicy {
  readonly statements: NormalStatement[];
  readonly #callers = new Map<PolicyCaller, Caller[]>();

  constructor(document: PolicyDocument) {
    const statements: NormalStatement[] = [];
    for (let index = 0; index < document.Statement.length; index += 1) {
      statements.push(normaliseStatement(document.Statement[index] as PolicyStatement, index));
    }
    this.statements = statements;
  }

  /** The callers a principal stands for (see `callersFor`), by the principal object. */
  callersFor(principal: PolicyCaller): Caller[] {
    let callers = this.#callers.get(principal);
    if (callers === undefined) {
      callers = callersFor(principal, this.statements);
      this.#callers.set(principal, callers);
    }
    return callers;
  }
}

/**
 * Reads a policy document once for several `evaluatePolicy` questions (the answers are those of
 * the document itself). The document must not change while the prepared policy is in use.
 */
export function preparePolicy(document: PolicyDocument | PreparedPolicy): PreparedPolicy {
  return document instanceof PreparedPolicy ? document : new PreparedPolicy(document);
}
