import type { ResourceRef } from '@customs/core';
import type { ParsedEvent } from '../schemas/parse-event.js';
import { checkedName, repositoryNameOf } from './arn.js';
import { CALLS_BY_CLOUDTRAIL_SOURCE } from './cloudtrail-calls.js';
import { ecsServiceRefs, ecsTaskRefs } from './ecs-events.js';

type Ref = Omit<ResourceRef, 'accountId' | 'region'>;

/** An image ref, its names checked; `fields` are where the event holds the repository and the digest. */
function image(repository: string, digest: string, fields: readonly [string, string]): Ref {
  return {
    type: 'ecr-image',
    name: checkedName(digest, fields[1], 'ecr-image-digest'),
    parent: checkedName(repositoryNameOf(repository), fields[0], 'ecr-repository'),
  };
}

const DETAIL_IMAGE = ['detail.repository-name', 'detail.image-digest'] as const;

/** The own entry `key` of a lookup table (never one inherited from Object.prototype). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function refsOf(event: ParsedEvent, accountId: string): Ref[] {
  switch (event.kind) {
    case 'ecr-image-action': {
      const { 'repository-name': repository, 'image-digest': digest } = event.detail;
      const pushed = image(repository, digest, DETAIL_IMAGE);
      return [pushed, { type: 'ecr-repository', name: pushed.parent as string }];
    }
    case 'ecr-image-scan':
    case 'inspector2-scan':
      return [image(event.detail['repository-name'], event.detail['image-digest'], DETAIL_IMAGE)];
    case 'inspector2-finding':
      return event.detail.resources.flatMap((resource, index) => {
        const container = resource.details?.awsEcrContainerImage;
        const at = `detail.resources.${index}.details.awsEcrContainerImage`;
        return container
          ? [
              image(container.repositoryName, container.imageHash, [
                `${at}.repositoryName`,
                `${at}.imageHash`,
              ]),
            ]
          : [];
      });
    case 'ecr-scan-resource-change':
      if (event.detail['resource-type'] === 'REPOSITORY') {
        return (event.detail.repositories ?? []).map((r, index) => ({
          type: 'ecr-repository',
          name: checkedName(
            r['repository-name'],
            `detail.repositories.${index}.repository-name`,
            'ecr-repository',
          ),
        }));
      }
      return [{ type: 'ecr-registry', name: accountId }];
    case 'ecs-task-state-change':
      return ecsTaskRefs(event.detail);
    case 'ecs-deployment-state-change':
      return ecsServiceRefs(event.envelope.resources);
    case 'ecs-service-action':
      return ecsServiceRefs(event.envelope.resources, event.detail.clusterArn);
    case 'cloudtrail': {
      if (event.detail.errorCode) return [];
      const calls = own(CALLS_BY_CLOUDTRAIL_SOURCE, event.detail.eventSource);
      const refsFor = calls ? own(calls, event.detail.eventName) : undefined;
      return refsFor ? refsFor(event.detail, accountId) : [];
    }
  }
}

/**
 * The resources an event says may have changed, to be re-read and re-assessed (an event is a
 * trigger, never the truth). Refs carry the account and region the event came from; a failed
 * API call (`errorCode`) changes nothing and yields none. A name AWS could not have issued (a
 * lone surrogate, a control character, over AWS's length limit for that name) is an
 * `EventValidationError` naming the field, before anything is read.
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
