/**
 * The repository name in an ECR repository ARN (`arn:aws:ecr:<region>:<account>:repository/<name>`),
 * or the value itself when it is already a name (Inspector2 Scan sends the ARN as `repository-name`).
 * @example repositoryNameOf('arn:aws:ecr:us-east-2:123456789012:repository/amazon/amazon-ecs-sample') // 'amazon/amazon-ecs-sample'
 */
export function repositoryNameOf(value: string): string {
  const match = /^arn:aws[a-z-]*:ecr:[^:]*:\d*:repository\/(.+)$/.exec(value);
  return match?.[1] ?? value;
}

/** The first string among the named fields of an object (CloudTrail request parameters vary by API). */
export function firstString(
  record: Record<string, unknown> | null | undefined,
  ...keys: string[]
): string | undefined {
  for (const key of keys) {
    const value = record?.[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/** A nested object field, or undefined. */
export function objectField(
  record: Record<string, unknown> | null | undefined,
  key: string,
): Record<string, unknown> | undefined {
  const value = record?.[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
