import type { ResourceRef } from '@customs/core';
import type { ParsedEvent } from '../schemas/parse-event.js';
import { repositoryNameOf } from './arn.js';
import { ECR_CALLS } from './cloudtrail-ecr.js';
import { EKS_CALLS } from './cloudtrail-eks.js';
import { IAM_CALLS } from './cloudtrail-iam.js';

type Ref = Omit<ResourceRef, 'accountId' | 'region'>;

const CALLS_BY_SOURCE: Record<string, Record<string, (detail: never, accountId: string) => Ref[]>> = {
  'ecr.amazonaws.com': ECR_CALLS,
  'eks.amazonaws.com': EKS_CALLS,
  'iam.amazonaws.com': IAM_CALLS,
};

function image(repository: string, digest: string): Ref {
  return { type: 'ecr-image', name: digest, parent: repositoryNameOf(repository) };
}

function refsOf(event: ParsedEvent, accountId: string): Ref[] {
  switch (event.kind) {
    case 'ecr-image-action': {
      const { 'repository-name': repository, 'image-digest': digest } = event.detail;
      return [image(repository, digest), { type: 'ecr-repository', name: repository }];
    }
    case 'ecr-image-scan':
    case 'inspector2-scan':
      return [image(event.detail['repository-name'], event.detail['image-digest'])];
    case 'inspector2-finding':
      return event.detail.resources.flatMap((resource) => {
        const container = resource.details?.awsEcrContainerImage;
        return container ? [image(container.repositoryName, container.imageHash)] : [];
      });
    case 'ecr-scan-resource-change':
      if (event.detail['resource-type'] === 'REPOSITORY') {
        return (event.detail.repositories ?? []).map(
          (r) => ({ type: 'ecr-repository', name: r['repository-name'] }) as Ref,
        );
      }
      return [{ type: 'ecr-registry', name: accountId }];
    case 'cloudtrail': {
      if (event.detail.errorCode) return [];
      const calls = CALLS_BY_SOURCE[event.detail.eventSource];
      const refsFor = calls?.[event.detail.eventName];
      return refsFor ? refsFor(event.detail as never, accountId) : [];
    }
  }
}

/**
 * The resources an event says may have changed, to be re-read and re-assessed (an event is a
 * trigger, never the truth). Refs carry the account and region the event came from; a failed
 * API call (`errorCode`) changes nothing and yields none.
 * @example eventToResourceRefs(parseEvent(pushEvent)) // [{ type: 'ecr-image', ... }, { type: 'ecr-repository', ... }]
 */
export function eventToResourceRefs(event: ParsedEvent): ResourceRef[] {
  const isCloudTrail = event.kind === 'cloudtrail';
  const accountId = (isCloudTrail ? event.detail.recipientAccountId : undefined) ?? event.envelope.account;
  const region = isCloudTrail ? event.detail.awsRegion : event.envelope.region;
  const seen = new Set<string>();
  const refs: ResourceRef[] = [];
  for (const ref of refsOf(event, accountId)) {
    const key = `${ref.type}|${ref.parent ?? ''}|${ref.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ ...ref, accountId, region });
  }
  return refs;
}
