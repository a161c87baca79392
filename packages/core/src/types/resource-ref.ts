import type { ResourceType } from './common.js';

/**
 * Names a resource to (re-)read, as an event or a sweep knows it, before its state is read.
 *
 * | type | `name` | `parent` |
 * |------|--------|----------|
 * | ecr-registry | registry (account) id | — |
 * | ecr-repository | repository name | — |
 * | ecr-image | image digest | repository name |
 * | eks-cluster | cluster name | — |
 * | eks-nodegroup | nodegroup name | cluster name |
 * | eks-access-entry | principal ARN | cluster name |
 * | iam-user, iam-role | user or role name | — |
 * | iam-policy | managed policy ARN, or an inline policy's name | —, or the owning principal's ARN |
 * | iam-account | account id | — |
 */
export interface ResourceRef {
  type: ResourceType;
  name: string;
  parent?: string;
  /** Where the resource lives; the collector's own account and region when absent. */
  accountId?: string;
  region?: string;
}
