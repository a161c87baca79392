import type { StatementRef } from '../../types/policy.js';
import type { IamPolicy } from '../../types/resource.js';

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
