import type { AnyCheck } from '../../check/define-check.js';

/** The IAM checks (users, roles, policies, the account). */
export const IAM_CHECKS: AnyCheck[] = [];
