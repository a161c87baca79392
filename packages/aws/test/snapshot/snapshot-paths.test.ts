import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_FILE_NAME_BYTES,
  RefReadError,
  SnapshotCollector,
  snapshotKey,
  snapshotPath,
} from '../../src/index.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';
import { ACCOUNT, ecrEksSnapshot, REGION } from '../helpers/snapshots.js';

const scope = { accountId: ACCOUNT, region: REGION };

/** Unhandled rejections seen while a test runs (each one would have killed `customs start`). */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** Lets pending rejections surface as unhandled before the test looks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('snapshot paths', () => {
  it('encode keys as encodeURIComponent does', () => {
    expect(snapshotPath('ecr', 'DescribeImages', 'team/app')).toBe('ecr/DescribeImages/team%2Fapp.json');
    expect(snapshotPath('ecr', 'DescribeImageScanFindings', 'team/app', 'sha256:ab')).toBe(
      'ecr/DescribeImageScanFindings/team%2Fapp/sha256%3Aab.json',
    );
  });

  it('never throw on a lone surrogate, and keep it apart from U+FFFD', () => {
    expect(() => encodeURIComponent('prod\ud800')).toThrow(URIError);
    expect(snapshotKey('prod\ud800')).toBe('prod%ED%A0%80');
    expect(snapshotKey('\udfff')).toBe('%ED%BF%BF');
    expect(snapshotKey('prod\ufffd')).toBe(encodeURIComponent('prod\ufffd'));
    expect(snapshotKey('a\u{1f600}')).toBe(encodeURIComponent('a\u{1f600}'));
  });

  it('never make a component that is empty, . or ..', () => {
    expect(snapshotPath('eks', 'DescribeNodegroup', '..', 'x')).toBe('eks/DescribeNodegroup/%2E%2E/x.json');
    expect(snapshotKey('.')).toBe('%2E');
    expect(snapshotKey('')).toBe('%');
  });

  it('keep every component within 255 bytes, the same key always giving the same name', () => {
    // Prepare: a 256-character ECR repository name, the longest AWS allows, of one-letter path parts
    const longest = Array.from({ length: 128 }, () => 'a').join('/');
    const other = `${longest.slice(0, -1)}b`;
    // Act
    const path = snapshotPath('ecr', 'GetRepositoryPolicy', longest);
    // Assess
    for (const component of path.split('/')) {
      expect(Buffer.byteLength(component)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    }
    expect(path).toMatch(/^ecr\/GetRepositoryPolicy\/a(%2Fa)+~[0-9a-f]{64}\.json$/);
    expect(snapshotPath('ecr', 'GetRepositoryPolicy', longest)).toBe(path);
    expect(snapshotPath('ecr', 'GetRepositoryPolicy', other)).not.toBe(path);
    const keyOf300Bytes = snapshotKey('é'.repeat(150));
    // é is %C3%A9: the cut falls between escapes, never inside one
    expect(keyOf300Bytes.length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES - '.json'.length);
    expect(keyOf300Bytes).toMatch(/^(%[0-9A-F]{2})+~[0-9a-f]{64}$/);
  });

  it('read a resource whose name is too long for a file name, at its shortened path', async () => {
    // Prepare: a repository with the longest name AWS allows, and its policy under its snapshot path
    const name = Array.from({ length: 128 }, () => 'a').join('/');
    const files = ecrEksSnapshot() as Record<string, unknown>;
    files['ecr/DescribeRepositories.json'] = {
      repositories: [
        {
          repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`,
          registryId: ACCOUNT,
          repositoryName: name,
          repositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}`,
          createdAt: '2026-03-14T15:31:44.348Z',
          imageTagMutability: 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: true },
          encryptionConfiguration: { encryptionType: 'AES256' },
        },
      ],
    };
    files[snapshotPath('ecr', 'GetLifecyclePolicy', name)] = {
      registryId: ACCOUNT,
      repositoryName: name,
      lifecyclePolicyText: '{"rules":[]}',
    };
    const collector = await SnapshotCollector.open(await writeSnapshot(files));
    // Act
    const { resources, missing } = await collector.collect([{ type: 'ecr-repository', name, ...scope }]);
    // Assess
    expect(missing).toEqual([]);
    expect(resources).toMatchObject([{ type: 'ecr-repository', name, lifecyclePolicy: '{"rules":[]}' }]);
  });
});

describe('SnapshotCollector.collect on hostile names', () => {
  it('reads a cluster, nodegroup or access entry whose name holds a lone surrogate as not found, leaving nothing unhandled', async () => {
    // Prepare
    const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
    // Act: the refs that made encodeURIComponent throw inside a Promise.all
    const result = await collector.collect([
      { type: 'eks-cluster', name: 'prod\ud800', ...scope },
      { type: 'eks-nodegroup', name: '\udc00', parent: 'my-eks-cluster', ...scope },
      { type: 'eks-access-entry', name: 'arn:aws:iam::1:role/\ud83d', parent: 'my-eks-cluster', ...scope },
    ]);
    await settle();
    // Assess
    expect(result.resources).toEqual([]);
    expect(result.missing.map((ref) => ref.type)).toEqual([
      'eks-cluster',
      'eks-nodegroup',
      'eks-access-entry',
    ]);
    expect(unhandled).toEqual([]);
  });

  it('settles every ref, then names each one that could not be read', async () => {
    // Prepare: two clusters whose files are not JSON, and one that reads
    const files = {
      ...(ecrEksSnapshot() as Record<string, unknown>),
      'eks/DescribeCluster/broken.json': '{"cluster": ',
      'eks/DescribeCluster/also-broken.json': 'not json',
    };
    const collector = await SnapshotCollector.open(await writeSnapshot(files));
    // Act
    const read = collector.collect([
      { type: 'eks-cluster', name: 'broken', ...scope },
      { type: 'eks-cluster', name: 'my-eks-cluster', ...scope },
      { type: 'eks-cluster', name: 'also-broken', ...scope },
    ]);
    // Assess
    const error = await read.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RefReadError);
    expect((error as RefReadError).failures.map((failure) => failure.ref.name)).toEqual([
      'broken',
      'also-broken',
    ]);
    expect((error as Error).message).toMatch(
      /^2 of 3 ref\(s\) could not be read: eks-cluster broken: SnapshotError: eks\/DescribeCluster\/broken\.json: not JSON .*; eks-cluster also-broken: SnapshotError: /,
    );
    await settle();
    expect(unhandled).toEqual([]);
  });
});
