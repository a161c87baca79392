import type { AnyCheck } from '../../check/define-check.js';
import { awsAccountReachable } from './aws-account-reachable.js';

/**
 * The checks of an organisation's account × region scopes (`aws-account`, of the IAM service:
 * whether Customs could assume its member role there), in CHECKS.md order.
 */
export const ACCOUNT_CHECKS: AnyCheck[] = [awsAccountReachable];
