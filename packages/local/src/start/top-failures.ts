import { type Posture, safeText } from '@customs/core';
import type { FindingsRepository } from '@customs/store';

/** How many failures `customs start`'s closing block lists. */
const TOP = 5;

/** `repo@sha256:<64 hex>` → 12 hex digits, as `docker images` shows digests. */
function shortName(name: string): string {
  const at = name.indexOf('@sha256:');
  return at < 0 ? name : name.slice(0, at + 8 + 12);
}

/**
 * The closing block's "top failures": the most severe open failures (one Query on the status
 * index, read in severity order), each with its severity, check and resource, and how to see all.
 * @example for (const line of await topFailureLines(pipeline.repository, posture.overall)) say(line);
 */
export async function topFailureLines(
  repository: FindingsRepository,
  overall: Pick<Posture, 'failed' | 'suppressed'>,
): Promise<string[]> {
  const { failed, suppressed } = overall;
  if (failed - suppressed === 0)
    return [`Top failures: none open${suppressed > 0 ? ` (${suppressed} suppressed)` : ''}`];
  const { items } = await repository.listFindings({ status: 'FAIL', state: 'OPEN', limit: TOP });
  const check = Math.max(...items.map((finding) => finding.checkId.length));
  return [
    'Top failures:',
    ...items.map(
      (finding) =>
        `  ${finding.severity.padEnd(9)}${finding.checkId.padEnd(check + 2)}${safeText(shortName(finding.resourceName), { maxLength: 120 })}`,
    ),
    `  (${failed - suppressed} open of the ${failed} FAIL, ${suppressed} suppressed: npx customs findings --status FAIL, or --details for how to fix each)`,
  ];
}
