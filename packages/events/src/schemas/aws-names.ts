import {
  type NamedResourceType,
  RESOURCE_TYPE_INFO,
  RESOURCE_TYPES,
  type ResourceTypeInfo,
} from '@customs/core';

type NameLimit = NonNullable<ResourceTypeInfo['nameLimit']>;

/** The name limits of the resource types named by a name AWS issues (the registry's `nameLimit`). */
const TYPE_NAME_LIMITS = Object.fromEntries(
  RESOURCE_TYPES.flatMap((type) => {
    const limit = (RESOURCE_TYPE_INFO[type] as ResourceTypeInfo).nameLimit;
    return limit ? [[type, limit]] : [];
  }),
) as Record<NamedResourceType, NameLimit>;

/**
 * The names an event can point the pipeline at, each with the longest AWS issues: a resource
 * type's name (ECR repository 2–256, EKS cluster 1–100, nodegroup 1–63, IAM user and role 1–64:
 * the registry's `nameLimit`), and the other names events carry.
 */
export const AWS_NAME_LIMITS = {
  ...TYPE_NAME_LIMITS,
  /** An image digest (`sha256:` and 64 hex digits is 71); AWS documents no limit, 256 is far past any. */
  'ecr-image-digest': { what: 'an image digest', min: 1, max: 256 },
  /** Image tags: 1 to 300 characters (ECR API reference, `ImageIdentifier.imageTag`). */
  'ecr-image-tag': { what: 'an image tag', min: 1, max: 300 },
  /** ARNs (an access entry's principal, a managed policy): at most 2,048 characters (IAM API reference). */
  arn: { what: 'an ARN', min: 20, max: 2048 },
  /** A registry id is the account id: 12 digits. */
  'account-id': { what: 'an AWS account id', min: 12, max: 12 },
} as const satisfies Record<string, NameLimit>;

/** A kind of name in {@link AWS_NAME_LIMITS}. */
export type AwsNameKind = keyof typeof AWS_NAME_LIMITS;

/**
 * Why `value` cannot be a name AWS issued of that kind, or undefined when it can be: too short or
 * too long for AWS's limit, or holding a control character or a lone UTF-16 surrogate (AWS names
 * are printable Unicode; such a name cannot be encoded into a file path or a URL either). One
 * linear pass, no regular expression.
 * @example awsNameProblem('prod', 'eks-cluster') // undefined
 * @example awsNameProblem('x'.repeat(101), 'eks-cluster') // 'is 101 characters; an EKS cluster name has at most 100'
 */
export function awsNameProblem(value: string, kind: AwsNameKind): string | undefined {
  const { what, min, max } = AWS_NAME_LIMITS[kind];
  if (value.length > max) return `is ${value.length} characters; ${what} has at most ${max}`;
  if (value.length < min) return `is ${value.length} characters; ${what} has at least ${min}`;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      return `holds a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()}) at position ${index}; ${what} never does`;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return `holds a lone UTF-16 surrogate at position ${index}; ${what} is valid Unicode`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return `holds a lone UTF-16 surrogate at position ${index}; ${what} is valid Unicode`;
    }
  }
  if (kind === 'account-id') {
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code < 0x30 || code > 0x39) return `is not 12 digits; ${what} is`;
    }
  }
  return undefined;
}
