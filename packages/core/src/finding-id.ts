import * as crypto from 'node:crypto';

/** One-shot SHA-256 in hex (`crypto.hash`, Node ≥ 20.12: no Hash object per id), or the streaming API before it. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The stable id of the finding of one check on one resource: the same inputs give the same
 * id on every machine and in every run, so re-evaluations update rather than duplicate. It is the
 * first 32 hex digits of the SHA-256 of `checkId`, a line feed and `resourceId` (UTF-8).
 * @example findingId('eks-cluster-audit-logging', 'arn:aws:eks:eu-west-1:111122223333:cluster/prod');
 */
export function findingId(checkId: string, resourceId: string): string {
  return sha256Hex(`${checkId}\n${resourceId}`).slice(0, 32);
}
