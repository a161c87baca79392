import type { FindingInUse } from '../types/index.js';

/**
 * Whether an image finding's image is in use: Customs' inventory runs it (`running` above 0) or
 * Amazon Inspector counts it in use (`inspector.inUseCount` above 0), even where no workload
 * Customs reads runs it: a Lambda function's image, another account's cluster (docs/DESIGN.md,
 * "Deployed images"). `GET /findings?inUse=true`, the summary's and posture's in-use counts
 * follow it.
 * @example isImageInUse({ running: 0, where: [], inspector: { inUseCount: 2 } }) // true
 */
export function isImageInUse(inUse: FindingInUse | undefined): boolean {
  return (inUse?.running ?? 0) > 0 || (inUse?.inspector?.inUseCount ?? 0) > 0;
}
