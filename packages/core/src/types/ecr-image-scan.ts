/** An ECR image's latest vulnerability scan (DescribeImages `imageScanStatus` and `imageScanFindingsSummary`). */
export interface EcrImageScan {
  /** `COMPLETE`, `IN_PROGRESS`, `FAILED`, `UNSUPPORTED_IMAGE`, `ACTIVE`, `PENDING`, `SCAN_ELIGIBILITY_EXPIRED`, `FINDINGS_UNAVAILABLE`. */
  status?: string;
  description?: string;
  completedAt?: Date;
  /** `findingSeverityCounts`: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED. */
  severityCounts: Record<string, number>;
}
