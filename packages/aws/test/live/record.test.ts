import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, SnapshotCollector, SnapshotRecording, toCliJson } from '../../src/index.js';
import { fixtureAccount, REGION } from './helpers/fixture-account.js';
import { type MockedAws, mockAws } from './helpers/mock-aws.js';

let aws: MockedAws | undefined;
const dirs: string[] = [];
afterEach(async () => {
  aws?.restore();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('SnapshotRecording', () => {
  it('writes a snapshot from which the SnapshotCollector reads what the live collector read', async () => {
    // Prepare: two items per page, so recorded bodies are merged pages
    aws = mockAws(fixtureAccount(), { pageSize: 2 });
    const recording = new SnapshotRecording();
    const live = await AwsCollector.open({
      region: REGION,
      clients: aws.clients(REGION),
      recorder: recording.recorder,
    });
    const dir = await mkdtemp(join(tmpdir(), 'customs-record-'));
    dirs.push(dir);
    const capturedAt = new Date('2026-03-01T10:00:00.000Z');
    // Act
    const fromAws = await live.collectAll();
    const written = await recording.write(dir, live.scope, capturedAt);
    const snapshot = await SnapshotCollector.open(dir);
    const fromSnapshot = await snapshot.collectAll();
    // Assess
    expect(snapshot.scope).toEqual(live.scope);
    expect(snapshot.capturedAt).toEqual(capturedAt);
    expect(fromSnapshot.warnings).toEqual([]);
    expect(fromSnapshot.resources).toEqual(fromAws.resources);
    expect(written).toContain('ecr/GetLifecyclePolicy/project-a%2Famazon-ecs-sample.json');
    expect(written).toContain(
      'eks/DescribeAccessEntry/my-eks-cluster/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FAdmin.json',
    );
    expect(written).not.toContain('ecr/GetRepositoryPolicy/ubuntu.json');
    const repositories = JSON.parse(await readFile(join(dir, 'ecr/DescribeRepositories.json'), 'utf8'));
    expect(Object.keys(repositories)).toEqual(['repositories']);
    expect(repositories.repositories).toHaveLength(5);
    const report = JSON.parse(await readFile(join(dir, 'iam/GetCredentialReport.json'), 'utf8'));
    expect(Buffer.from(report.Content, 'base64').toString('utf8')).toMatch(/^user,arn,/);
    const cluster = JSON.parse(await readFile(join(dir, 'eks/DescribeCluster/my-eks-cluster.json'), 'utf8'));
    expect(cluster.cluster.createdAt).toBe('2024-03-14T15:31:44.348Z');
  });
});

describe('toCliJson', () => {
  it('prints dates as ISO 8601 and bytes as base64, as the AWS CLI does', () => {
    expect(
      JSON.parse(toCliJson({ at: new Date(0), Content: new Uint8Array(Buffer.from('user,arn')) })),
    ).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      Content: 'dXNlcixhcm4=',
    });
  });
});
