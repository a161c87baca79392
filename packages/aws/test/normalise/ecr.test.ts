import { describe, expect, it } from 'vitest';
import {
  normaliseEcrImage,
  normaliseEcrRegistry,
  normaliseEcrRepository,
  unreadable,
} from '../../src/index.js';
import { ecr } from '../../src/snapshot/schemas/index.js';
import { cli, defined } from '../helpers/fixtures.js';

const scope = { accountId: '012345678910', region: 'us-west-2' };

describe('normaliseEcrRepository', () => {
  it('reads a repository of describe-repositories with the published policy and lifecycle policy', () => {
    // Prepare
    const repository = defined(
      cli('ecr/describe-repositories.json', ecr.describeRepositories).repositories[0],
      'ubuntu',
    );
    const policy = cli('ecr/get-repository-policy.json', ecr.getRepositoryPolicy);
    const lifecyclePolicy = cli('ecr/get-lifecycle-policy.json', ecr.getLifecyclePolicy);
    // Act
    const normalised = normaliseEcrRepository({ scope, repository: repository, policy, lifecyclePolicy });
    // Assess
    expect(normalised).toMatchObject({
      type: 'ecr-repository',
      id: 'arn:aws:ecr:us-west-2:012345678910:repository/ubuntu',
      name: 'ubuntu',
      accountId: '012345678910',
      region: 'us-west-2',
    });
    expect(normalised.policy?.Statement[0]).toMatchObject({ Sid: 'allow public pull', Principal: '*' });
    expect(normalised.lifecyclePolicy).toContain('Expire images older than 14 days');
    expect(normalised.unreadable).toBeUndefined();
  });

  it('has no policy and no lifecycle policy when the calls return not-found', () => {
    const repository = defined(
      cli('ecr/describe-repositories.json', ecr.describeRepositories).repositories[1],
      'test',
    );
    const normalised = normaliseEcrRepository({
      scope,
      repository: repository,
      policy: undefined,
      lifecyclePolicy: undefined,
    });
    expect(normalised.name).toBe('test');
    expect(normalised.policy).toBeNull();
    expect(normalised.lifecyclePolicy).toBeNull();
  });

  it('marks the policy unreadable when it was denied or is not a policy', () => {
    const repository = defined(
      cli('ecr/describe-repositories.json', ecr.describeRepositories).repositories[0],
      'ubuntu',
    );
    const denied = normaliseEcrRepository({
      scope,
      repository: repository,
      policy: unreadable('AccessDeniedException: ecr:GetRepositoryPolicy'),
      lifecyclePolicy: { lifecyclePolicyText: '{"rules":[]}' },
    });
    const garbled = normaliseEcrRepository({
      scope,
      repository: repository,
      policy: { policyText: '{"Statement": [{"Effect": "Maybe"}]}' },
      lifecyclePolicy: undefined,
    });
    expect(denied.unreadable).toEqual({ policy: 'AccessDeniedException: ecr:GetRepositoryPolicy' });
    expect(garbled.policy).toBeNull();
    expect(garbled.unreadable?.policy).toContain('Statement[0].Effect');
  });

  it('takes the effective scan frequency from BatchGetRepositoryScanningConfiguration', () => {
    const repository = defined(
      cli('ecr/describe-repositories.json', ecr.describeRepositories).repositories[0],
      'ubuntu',
    );
    const normalised = normaliseEcrRepository({
      scope,
      repository: { ...repository, imageScanningConfiguration: { scanOnPush: false } },
      policy: undefined,
      lifecyclePolicy: undefined,
      scanningConfiguration: {
        repositoryName: 'ubuntu',
        scanOnPush: false,
        scanFrequency: 'CONTINUOUS_SCAN',
      },
    });
    expect(normalised.scanOnPush).toBe(false);
    expect(normalised.scanFrequency).toBe('CONTINUOUS_SCAN');
  });
});

describe('normaliseEcrImage', () => {
  it('reads an image of describe-images: id by repository ARN and digest, push time from epoch seconds', () => {
    // Prepare
    const image = defined(cli('ecr/describe-images.json', ecr.describeImages).imageDetails[0], 'an image');
    const repositoryArn = 'arn:aws:ecr:us-west-2:012345678910:repository/cluster-autoscaler';
    // Act
    const normalised = normaliseEcrImage({ scope, repositoryArn, image: image });
    // Assess
    const digest = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';
    expect(normalised).toMatchObject({
      type: 'ecr-image',
      id: `${repositoryArn}@${digest}`,
      name: `cluster-autoscaler@${digest}`,
      repositoryName: 'cluster-autoscaler',
      digest,
      tags: ['v1.13.6'],
      referrerArtifactTypes: [],
    });
    expect(normalised.pushedAt?.toISOString()).toBe('2019-08-06T21:51:15.000Z');
    expect(normalised.scan).toBeUndefined();
  });

  it('takes the latest scan from describe-image-scan-findings', () => {
    const image = defined(cli('ecr/describe-images.json', ecr.describeImages).imageDetails[0], 'an image');
    const scanFindings = cli('ecr/describe-image-scan-findings.json', ecr.describeImageScanFindings);
    const normalised = normaliseEcrImage({ scope, image: image, scanFindings });
    expect(normalised.scan).toEqual({
      status: 'COMPLETE',
      description: 'The scan was completed successfully.',
      completedAt: new Date('2020-01-24T04:11:45.000Z'),
      severityCounts: { MEDIUM: 1 },
    });
    expect(normalised.repositoryArn).toBe('arn:aws:ecr:us-west-2:012345678910:repository/cluster-autoscaler');
  });

  it('reports a signed image and its referrers', () => {
    const image = defined(cli('ecr/describe-images.json', ecr.describeImages).imageDetails[0], 'an image');
    const normalised = normaliseEcrImage({
      scope,
      image: image,
      signing: { signingStatuses: [{ status: 'FAILED' }, { status: 'COMPLETE' }] },
      referrers: {
        referrers: [
          {
            digest: 'sha256:aa',
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            artifactType: 'application/vnd.cncf.notary.signature',
            size: 1,
          },
        ],
      },
    });
    expect(normalised.signingStatus).toBe('COMPLETE');
    expect(normalised.referrerArtifactTypes).toEqual(['application/vnd.cncf.notary.signature']);
  });
});

describe('normaliseEcrRegistry', () => {
  it('reads the registry scanning configuration and pull-through cache rules', () => {
    const registry = normaliseEcrRegistry({
      scope,
      scanning: {
        registryId: '012345678910',
        scanningConfiguration: {
          scanType: 'ENHANCED',
          rules: [
            {
              scanFrequency: 'CONTINUOUS_SCAN',
              repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
            },
          ],
        },
      },
      pullThroughCacheRules: {
        pullThroughCacheRules: [{ ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' }],
      },
    });
    expect(registry).toEqual({
      type: 'ecr-registry',
      id: 'arn:aws:ecr:us-west-2:012345678910:registry/012345678910',
      name: '012345678910',
      accountId: '012345678910',
      region: 'us-west-2',
      scanType: 'ENHANCED',
      scanningRules: [
        { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
      ],
      pullThroughCacheRules: [{ ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' }],
    });
  });

  it('marks the scanning configuration unreadable instead of guessing', () => {
    const registry = normaliseEcrRegistry({
      scope,
      scanning: unreadable('AccessDeniedException'),
      pullThroughCacheRules: undefined,
    });
    expect(registry.scanType).toBeUndefined();
    expect(registry.unreadable).toEqual({
      scanType: 'AccessDeniedException',
      scanningRules: 'AccessDeniedException',
    });
    expect(registry.pullThroughCacheRules).toEqual([]);
  });
});
