import type { ResourceType } from './common.js';

/**
 * What every normalised resource carries. Collectors (snapshot or AWS SDK) build these from AWS
 * response shapes; checks only ever see this model.
 */
export interface ResourceBase<T extends ResourceType> {
  type: T;
  /** The ARN where AWS has one, else a stable ARN-shaped id (registry, image). */
  id: string;
  /** A short human name: repository name, `cluster/nodegroup`, user name… */
  name: string;
  accountId: string;
  region: string;
  /**
   * State that could not be read, by property name, with the reason (for example
   * `AccessDenied: ec2:DescribeLaunchTemplateVersions`). A check that reads such a property
   * is recorded as ERROR instead of being run on incomplete state.
   */
  unreadable?: Record<string, string>;
}
