import type { ResourceRef } from './types/resource-ref.js';

/**
 * The `name` the normalised resource of a ref carries (`repo@digest`, `cluster/nodegroup`,
 * `cluster/<principal ARN>`, a managed policy's name), so that the findings of a resource that no
 * longer exists can be found from the event that announced its deletion.
 * @example resourceNameOfRef({ type: 'eks-nodegroup', parent: 'prod', name: 'workers' }) // 'prod/workers'
 */
export function resourceNameOfRef(ref: ResourceRef): string {
  switch (ref.type) {
    case 'ecr-image':
      return `${ref.parent}@${ref.name}`;
    case 'eks-nodegroup':
    case 'eks-access-entry':
      return `${ref.parent}/${ref.name}`;
    case 'iam-policy':
      return ref.parent === undefined
        ? (ref.name.split('/').pop() ?? ref.name)
        : `${principalName(ref.parent)}/${ref.name}`;
    default:
      return ref.name;
  }
}

function principalName(arn: string): string {
  return arn.split('/').pop() ?? arn;
}
