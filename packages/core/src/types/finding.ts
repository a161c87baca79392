import type { Recommendation, ResourceType, Severity, Status } from './common.js';

/** What a check function returns: ERROR is recorded by the evaluation, never returned. */
export interface CheckOutcome {
  status: Exclude<Status, 'ERROR'>;
  /** Names the resource and, on FAIL, the offending value; on NOT_APPLICABLE, the reason. */
  message: string;
}

/** The verdict of one check on one resource. */
export interface Finding {
  /** Stable: derived from `checkId` and `resourceId` only (see `findingId`). */
  id: string;
  checkId: string;
  title: string;
  resourceType: ResourceType;
  /** The resource's ARN where AWS has one. */
  resourceId: string;
  resourceName: string;
  accountId: string;
  region: string;
  status: Status;
  severity: Severity;
  recommendation: Recommendation;
  message: string;
  /** ISO 8601 time of the evaluation. */
  evaluatedAt: string;
}
