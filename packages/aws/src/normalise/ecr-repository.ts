import type {
  GetLifecyclePolicyResponse,
  GetRepositoryPolicyResponse,
  Repository,
  RepositoryScanningConfiguration,
} from '@aws-sdk/client-ecr';
import { type EcrRepository, type PolicyDocument, parsePolicyDocument } from '@customs/core';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, toDate, type Wire } from './wire.js';

/** What an ECR repository is read from. */
export interface EcrRepositoryInput {
  scope: Scope;
  /** One entry of DescribeRepositories `repositories`. */
  repository: Wire<Repository>;
  /** GetRepositoryPolicy; undefined = the repository has no policy. */
  policy: Known<Wire<GetRepositoryPolicyResponse>>;
  /** GetLifecyclePolicy; undefined = no lifecycle policy. */
  lifecyclePolicy: Known<Wire<GetLifecyclePolicyResponse>>;
  /** This repository's entry of BatchGetRepositoryScanningConfiguration `scanningConfigurations`, if read. */
  scanningConfiguration?: Wire<RepositoryScanningConfiguration>;
}

/**
 * An ECR repository with its policy, lifecycle policy and effective scan frequency.
 * @example
 * normaliseEcrRepository({ scope, repository: describeRepositories.repositories[0], policy: undefined,
 *   lifecyclePolicy: undefined });
 */
export function normaliseEcrRepository(input: EcrRepositoryInput): EcrRepository {
  const { repository, scope } = input;
  const name = repository.repositoryName ?? '';
  const where = locate(repository.repositoryArn, {
    accountId: repository.registryId ?? scope.accountId,
    region: scope.region,
  });
  const unreadable = new UnreadableProperties();
  const createdAt = toDate(repository.createdAt);
  const scanOnPush = repository.imageScanningConfiguration?.scanOnPush;
  const scanFrequency = input.scanningConfiguration?.scanFrequency;
  const encryption = repository.encryptionConfiguration;
  return {
    type: 'ecr-repository',
    id: repository.repositoryArn ?? `arn:aws:ecr:${where.region}:${where.accountId}:repository/${name}`,
    name,
    ...where,
    ...(repository.repositoryUri ? { uri: repository.repositoryUri } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(repository.imageTagMutability ? { imageTagMutability: repository.imageTagMutability } : {}),
    ...(scanOnPush === undefined ? {} : { scanOnPush }),
    ...(scanFrequency ? { scanFrequency } : {}),
    ...(encryption?.encryptionType ? { encryptionType: encryption.encryptionType } : {}),
    ...(encryption?.kmsKey ? { kmsKey: encryption.kmsKey } : {}),
    policy: repositoryPolicy(input.policy, unreadable),
    lifecyclePolicy: lifecyclePolicyText(input.lifecyclePolicy, unreadable),
    ...withUnreadable(unreadable),
  };
}

function repositoryPolicy(
  response: EcrRepositoryInput['policy'],
  unreadable: UnreadableProperties,
): PolicyDocument | null {
  if (isUnreadable(response)) {
    unreadable.add('policy', response.unreadable);
    return null;
  }
  if (!response?.policyText) return null;
  try {
    return parsePolicyDocument(response.policyText);
  } catch (error) {
    unreadable.add('policy', `the repository policy cannot be read: ${(error as Error).message}`);
    return null;
  }
}

function lifecyclePolicyText(
  response: EcrRepositoryInput['lifecyclePolicy'],
  unreadable: UnreadableProperties,
): string | null {
  if (isUnreadable(response)) {
    unreadable.add('lifecyclePolicy', response.unreadable);
    return null;
  }
  return response?.lifecyclePolicyText ?? null;
}
