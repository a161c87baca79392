import type { EcrImage } from '../../types/resource.js';

/** Scan statuses whose severity counts are a finished result (basic COMPLETE, enhanced ACTIVE). */
export const RESULT_STATUSES = new Set(['COMPLETE', 'ACTIVE']);

/** Scan statuses that mean a result is still on its way. */
export const WAITING_STATUSES = new Set(['IN_PROGRESS', 'PENDING']);

/**
 * The severity counts of the image's latest finished scan, or why there are none. A scan with
 * no status but a completion time (a findings summary without `imageScanStatus`) counts as finished.
 * @example
 * const result = scanCounts(image);
 * if ('reason' in result) return notApplicable(result.reason);
 */
export function scanCounts(image: EcrImage): { counts: Record<string, number> } | { reason: string } {
  const scan = image.scan;
  if (scan === undefined) return { reason: `Image ${image.name} has no scan result to count findings from` };
  const finished =
    scan.status === undefined ? scan.completedAt !== undefined : RESULT_STATUSES.has(scan.status);
  if (!finished) {
    return {
      reason: `Image ${image.name} has no finished scan (status ${scan.status ?? 'absent'}); see ecr-image-scan-complete`,
    };
  }
  return { counts: scan.severityCounts };
}

/** Whole minutes from `from` to `now` (negative when `from` is later). */
export function minutesBetween(from: Date, now: Date): number {
  return Math.floor((now.getTime() - from.getTime()) / 60_000);
}
