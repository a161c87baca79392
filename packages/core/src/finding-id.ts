import { createHash } from 'node:crypto';

/**
 * The stable id of the finding of one check on one resource: the same inputs give the same
 * id on every machine and in every run, so re-evaluations update rather than duplicate.
 * @example findingId('eks-cluster-audit-logging', 'arn:aws:eks:eu-west-1:111122223333:cluster/prod');
 */
export function findingId(checkId: string, resourceId: string): string {
  return createHash('sha256').update(`${checkId}\n${resourceId}`).digest('hex').slice(0, 32);
}
