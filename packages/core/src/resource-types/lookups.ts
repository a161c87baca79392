import type { ResourceType } from '../types/common.js';
import type { ResourceRef } from '../types/resource-ref.js';
import { RESOURCE_TYPE_INFO, type ResourceTypeInfo } from './resource-types.js';
import { SERVICES, type Service } from './services.js';

/**
 * The descriptor of a resource type.
 * @example resourceTypeInfo('eks-nodegroup').parent // 'eks-cluster'
 */
export function resourceTypeInfo(type: ResourceType): ResourceTypeInfo {
  return RESOURCE_TYPE_INFO[type];
}

/**
 * The service a resource type belongs to.
 * @example serviceOf('iam-role') // 'iam'
 */
export function serviceOf(type: ResourceType): Service {
  return RESOURCE_TYPE_INFO[type].service;
}

/**
 * Is the type's service global (read once per account, in its home region)?
 * @example isGlobalType('iam-user') // true
 */
export function isGlobalType(type: ResourceType): boolean {
  return !isScopeLevel(type) && SERVICES[serviceOf(type)].scope === 'global';
}

/**
 * The region a resource of this type lives in: the service's home region for a global one, else
 * the region given.
 * @example regionOfType('iam-user', 'eu-west-1') // 'us-east-1'
 */
export function regionOfType(type: ResourceType, region: string): string {
  if (isScopeLevel(type)) return region;
  return regionOfService(serviceOf(type), region);
}

/**
 * Is the type assessed from an account × region scope's outcome, not read by a collector (and so
 * never resolved by a sweep as unseen)?
 * @example isScopeLevel('aws-account') // true
 */
export function isScopeLevel(type: ResourceType): boolean {
  return (RESOURCE_TYPE_INFO[type] as ResourceTypeInfo).scopeLevel === true;
}

/**
 * Must a ref of this type name its parent (an image its repository)?
 * @example needsParent('ecr-image') // true
 */
export function needsParent(type: ResourceType): boolean {
  return (RESOURCE_TYPE_INFO[type] as ResourceTypeInfo).parent !== undefined;
}

/**
 * The types whose refs name a resource of `parent` as their parent, in registry order.
 * @example childTypesOf('eks-cluster') // ['eks-nodegroup', 'eks-access-entry']
 */
export function childTypesOf(parent: ResourceType): ResourceType[] {
  return (Object.keys(RESOURCE_TYPE_INFO) as ResourceType[]).filter(
    (type) => (RESOURCE_TYPE_INFO[type] as ResourceTypeInfo).parent === parent,
  );
}

/**
 * Where a service's resources are stored when read in `region`: a global service's home region,
 * else `region`.
 * @example regionOfService('iam', 'eu-west-1') // 'us-east-1'
 */
export function regionOfService(service: Service, region: string): string {
  const info = SERVICES[service] as { scope: string; homeRegion?: string };
  return info.scope === 'global' && info.homeRegion ? info.homeRegion : region;
}

/**
 * The types of a service that a sweep sizes itself by: all but its singletons (the account's settings).
 * @example countedTypesOf('iam') // ['iam-user', 'iam-role', 'iam-policy']
 */
export function countedTypesOf(service: Service): ResourceType[] {
  return typesOfService(service).filter((type) => !(RESOURCE_TYPE_INFO[type] as ResourceTypeInfo).singleton);
}

/**
 * The resource types of a service, in registry order.
 * @example typesOfService('eks') // ['eks-cluster', 'eks-nodegroup', 'eks-access-entry']
 */
export function typesOfService(service: Service): ResourceType[] {
  // the account × region scope types (`aws-account`) are no service's readers' resources
  return (Object.keys(RESOURCE_TYPE_INFO) as ResourceType[]).filter(
    (type) => RESOURCE_TYPE_INFO[type].service === service && !isScopeLevel(type),
  );
}

/**
 * The `name` the normalised resource of a ref carries (`repo@digest`, `cluster/nodegroup`,
 * `cluster/<principal ARN>`, a managed policy's name), so that the findings of a resource that no
 * longer exists can be found from the event that announced its deletion.
 * @example resourceNameOfRef({ type: 'eks-nodegroup', parent: 'prod', name: 'workers' }) // 'prod/workers'
 */
export function resourceNameOfRef(ref: ResourceRef): string {
  const info = RESOURCE_TYPE_INFO[ref.type] as ResourceTypeInfo;
  return info.resourceName ? info.resourceName(ref) : ref.name;
}
