import type { Recommendation, ResourceType, Severity, Status } from './common.js';

/**
 * What a check function returns. ERROR is recorded by the evaluation when a property the check
 * reads is unreadable; a check returns it itself (`unjudgeable`) only for state whose readability
 * depends on the configuration: a deployed image in another account's ECR that is not in
 * `trustedImageAccounts` (docs/DESIGN.md, "Deployed images").
 */
export interface CheckOutcome {
  status: Status;
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
  /**
   * ECR image findings only: whether the image runs, from the digest → deployments index
   * (packages/store): running tasks and pods of the deployments that run its digest, and where
   * (`cluster/service`, a revision, a workload). `{ running: 0, where: [] }` when nothing runs it.
   */
  inUse?: FindingInUse;
}

/** Where an image's digest runs (`Finding.inUse`). */
export interface FindingInUse {
  /** Running tasks (ECS) and pods (Kubernetes) of the deployments that run the digest. */
  running: number;
  /** `cluster/service`, `family:revision` (tasks no service started), `cluster/namespace/Kind/name`; sorted. */
  where: string[];
}
