import { evaluatePolicy, type PreparedPolicy } from '../../policy/index.js';
import type { PolicyDecision, PolicyDocument, PolicyQuestion, StatementRef } from '../../types/policy.js';
import type { IamPolicy } from '../../types/resource.js';

/** The service-wide wildcards over the container registry and orchestrator (iam-policy-no-container-wildcard). */
export const CONTAINER_WILDCARDS = ['ecr:*', 'eks:*'] as const;

/**
 * Does the policy grant anything to anyone? An inline policy always does (it lives on its
 * principal); a managed policy does when it is attached to at least one user, group or role.
 * @example isAttached(policy) // false for a customer-managed policy with attachmentCount 0
 */
export function isAttached(policy: IamPolicy): boolean {
  return policy.kind === 'inline' || policy.attachmentCount > 0;
}

/**
 * Statements for a message, by label.
 * @example labels([{ index: 1, sid: 'Admin', label: 'Statement[1] (Sid "Admin")' }]) // 'Statement[1] (Sid "Admin")'
 */
export function labels(refs: readonly StatementRef[]): string {
  return refs.map((ref) => ref.label).join(', ');
}

/**
 * The administrator question (iam-policy-no-admin): does the identity policy allow `*` on `*` to
 * the principals it is attached to, after Deny?
 * @example adminAccess(document, '123456789012').decision === 'allowed' // a full administrator
 */
export function adminAccess(document: PolicyDocument | PreparedPolicy, accountId: string): PolicyDecision {
  return evaluatePolicy(document, { principal: { kind: 'attached', accountId }, action: '*', resource: '*' });
}

/**
 * The service-wildcard question (iam-policy-no-container-wildcard): for each wildcard, does the
 * identity policy allow it on `*` to its attached principals, after Deny? The wildcards each
 * statement grants, by statement, in document order.
 * @example wildcardGrants(document, '123456789012', CONTAINER_WILDCARDS) // [{ ref: Statement[0], wildcards: ['ecr:*'] }]
 */
export function wildcardGrants(
  document: PolicyDocument | PreparedPolicy,
  accountId: string,
  wildcards: readonly string[],
): { ref: StatementRef; wildcards: string[] }[] {
  const byStatement = new Map<number, { ref: StatementRef; wildcards: string[] }>();
  for (const wildcard of wildcards) {
    const question: PolicyQuestion = {
      principal: { kind: 'attached', accountId },
      action: wildcard,
      resource: '*',
    };
    for (const grant of evaluatePolicy(document, question).grants) {
      const entry = byStatement.get(grant.statement.index) ?? { ref: grant.statement, wildcards: [] };
      entry.wildcards.push(wildcard);
      byStatement.set(grant.statement.index, entry);
    }
  }
  return [...byStatement].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}
