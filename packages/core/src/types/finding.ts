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
   * ECR image findings only: whether the image runs. `running` and `where` come from Customs'
   * own inventory, the digest → deployments index (packages/store): running tasks and pods of the
   * deployments that run its digest, and where (`cluster/service`, a revision, a workload);
   * `{ running: 0, where: [] }` when nothing Customs sees runs it. `inspector` is what Amazon
   * Inspector says (enhanced scanning only). The image is in use when either says so
   * (`isImageInUse`).
   */
  inUse?: FindingInUse;
}

/** Where an image's digest runs (`Finding.inUse`). */
export interface FindingInUse {
  /** Running tasks (ECS) and pods (Kubernetes) of the deployments that run the digest. */
  running: number;
  /** `cluster/service`, `family:revision` (tasks no service started), `cluster/namespace/Kind/name`; sorted. */
  where: string[];
  /**
   * Amazon Inspector's own count (ListCoverage `inUseCount`, `lastInUseAt` as ISO 8601), which
   * also sees what Customs does not (another account's cluster, a workload it does not read);
   * or why it is unknown (`unreadable`: denied, Inspector not enabled). Absent with BASIC
   * scanning or when Inspector does not cover the image.
   */
  inspector?: FindingInspectorUse;
}

/** What Amazon Inspector says of an image's use (`FindingInUse.inspector`). */
export interface FindingInspectorUse {
  /** ECS tasks and EKS pods where Inspector sees the image in use. */
  inUseCount?: number;
  /** ISO 8601: the last time Inspector saw it in use. */
  lastInUseAt?: string;
  /** Why Inspector's view is unknown (then the counts are absent). */
  unreadable?: string;
}
