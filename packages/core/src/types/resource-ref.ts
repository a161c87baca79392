import type { ResourceType } from './common.js';

/**
 * Names a resource to (re-)read, as an event or a sweep knows it, before its state is read. What
 * `name` and `parent` hold for each type is its descriptor's `refName` and `refParent`
 * (RESOURCE_TYPE_INFO): a repository name, an image digest under its repository's name, a
 * nodegroup name under its cluster's, a principal ARN, a managed policy ARN or an inline
 * policy's name under its principal's ARN, an account id.
 */
export interface ResourceRef {
  type: ResourceType;
  name: string;
  parent?: string;
  /** Where the resource lives; the collector's own account and region when absent. */
  accountId?: string;
  region?: string;
}
