import { EventValidationError } from '../errors.js';
import { type AwsNameKind, awsNameProblem } from '../schemas/aws-names.js';

/**
 * The repository name in an ECR repository ARN (`arn:aws:ecr:<region>:<account>:repository/<name>`),
 * or the value itself when it is already a name (Inspector2 Scan sends the ARN as `repository-name`).
 * @example repositoryNameOf('arn:aws:ecr:us-east-2:123456789012:repository/amazon/amazon-ecs-sample') // 'amazon/amazon-ecs-sample'
 */
export function repositoryNameOf(value: string): string {
  if (!value.startsWith('arn:')) return value;
  const marker = value.indexOf(':repository/');
  const head = marker === -1 ? [] : value.slice(0, marker).split(':');
  // arn : partition : ecr : region : account
  if (head.length !== 5 || !head[1]?.startsWith('aws') || head[2] !== 'ecr') return value;
  return value.slice(marker + ':repository/'.length) || value;
}

/**
 * `value` when it is a name AWS could have issued as `kind`; else an EventValidationError naming
 * the event's field and what is wrong (a lone surrogate, a control character, over AWS's limit).
 * @example checkedName(name, 'detail.requestParameters.name', 'eks-cluster')
 */
export function checkedName(value: string, field: string, kind: AwsNameKind): string {
  const problem = awsNameProblem(value, kind);
  if (problem !== undefined) throw new EventValidationError(`${field}: ${problem}`);
  return value;
}

/**
 * The first non-empty string among the named own fields of an object (CloudTrail request
 * parameters name things differently by API), checked as a name of `kind`; a field holding
 * anything but a string or null is an EventValidationError, as AWS sends names as strings.
 * @example nameIn(detail.requestParameters, 'detail.requestParameters', 'eks-cluster', 'clusterName', 'name')
 */
export function nameIn(
  record: Record<string, unknown> | null | undefined,
  where: string,
  kind: AwsNameKind,
  ...keys: string[]
): string | undefined {
  for (const key of keys) {
    if (!record || !Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new EventValidationError(`${where}.${key}: expected a string`);
    return checkedName(value, `${where}.${key}`, kind);
  }
  return undefined;
}

/** A nested own object field, or undefined. */
export function objectField(
  record: Record<string, unknown> | null | undefined,
  key: string,
): Record<string, unknown> | undefined {
  if (!record || !Object.hasOwn(record, key)) return undefined;
  const value = record[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
