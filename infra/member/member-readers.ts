import { FUNCTION_NAMES, FUNCTION_PERMISSIONS, type FunctionName } from '../permissions.js';
import { READ_ONLY_ACTIONS } from './read-only-policy.js';

/**
 * The functions that read the accounts (their grants hold a collector read, an action of `customs
 * iam-policy`): the event handlers, the sweep and sweep-worker. Their roles, and only theirs, are
 * trusted by the member accounts' read-only role.
 * @example MEMBER_READERS.includes('sweep') // true
 */
export const MEMBER_READERS: readonly FunctionName[] = FUNCTION_NAMES.filter(function readsAccounts(name) {
  const reads = new Set(READ_ONLY_ACTIONS);
  return FUNCTION_PERMISSIONS[name].some((grant) => grant.actions.some((action) => reads.has(action)));
});
