import type { PolicyStatement } from '../../types/policy.js';
import type { IamPolicy } from '../../types/resource.js';

/**
 * Names a statement for a finding message: its index and, when it has one, its Sid.
 * @example statementLabel({ Sid: 'Admin', Effect: 'Allow' }, 0) // 'Statement[0] (Sid "Admin")'
 */
export function statementLabel(statement: PolicyStatement, index: number): string {
  const sid = statement.Sid?.trim();
  return sid ? `Statement[${index}] (Sid "${sid}")` : `Statement[${index}]`;
}

/**
 * Does the policy grant anything to anyone? An inline policy always does (it lives on its
 * principal); a managed policy does when it is attached to at least one user, group or role.
 * @example isAttached(policy) // false for a customer-managed policy with attachmentCount 0
 */
export function isAttached(policy: IamPolicy): boolean {
  return policy.kind === 'inline' || policy.attachmentCount > 0;
}

/**
 * Labels of the `Allow` statements the predicate picks, numbered by their place in the document.
 * @example allowStatementsWhere(doc.Statement, (s) => namesAction(s, '*')) // ['Statement[1] (Sid "Admin")']
 */
export function allowStatementsWhere(
  statements: PolicyStatement[],
  picks: (statement: PolicyStatement) => boolean,
): string[] {
  return statements.flatMap(function labelPicked(statement, index) {
    return statement.Effect === 'Allow' && picks(statement) ? [statementLabel(statement, index)] : [];
  });
}
