import { DescribeAccessEntryCommand } from '@aws-sdk/client-eks';
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { CATALOG, type EcrRepository, type EksCluster, evaluateAll, type IamUser } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, snapshotPath } from '../../src/index.js';
import { cliJson } from '../helpers/fixtures.js';
import { ACCOUNT, fixtureAccount, REGION, SLASHED } from './helpers/fixture-account.js';
import { type MockedAws, type MockOptions, mockAws, serviceError } from './helpers/mock-aws.js';

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

const FAST_REPORT = { attempts: 3, delayMs: 1 };

async function open(options: MockOptions = {}, files = fixtureAccount()) {
  aws = mockAws(files, options);
  return AwsCollector.open({ region: REGION, clients: aws.clients(REGION), reportPolling: FAST_REPORT });
}

function byType<T>(resources: { type: string }[], type: string): T[] {
  return resources.filter((resource) => resource.type === type) as T[];
}

describe('AwsCollector.collectAll', () => {
  it('tells the account from DescribeRegistry and reads every resource type of the fixtures', async () => {
    // Act
    const collector = await open({ pageSize: 1 });
    const { resources, warnings } = await collector.collectAll();
    // Assess
    expect(collector.scope).toEqual({ accountId: ACCOUNT, region: REGION });
    expect(warnings).toEqual([]);
    const types = new Set(resources.map((resource) => resource.type));
    expect([...types].sort()).toEqual([
      'ecr-image',
      'ecr-registry',
      'ecr-repository',
      'ecs-cluster',
      'ecs-service',
      'ecs-task-definition',
      'eks-access-entry',
      'eks-cluster',
      'eks-nodegroup',
      'iam-account',
      'iam-policy',
      'iam-role',
      'iam-user',
      'k8s-cluster',
      'k8s-namespace',
      'k8s-workload',
    ]);
  });

  it('pages through every list: nextToken for ECR and EKS, NextToken for EC2, Marker for IAM', async () => {
    // Act: one item per page
    const collector = await open({ pageSize: 1 });
    const { resources } = await collector.collectAll();
    // Assess
    expect(byType(resources, 'ecr-repository')).toHaveLength(5);
    expect(byType(resources, 'eks-access-entry')).toHaveLength(4);
    const pages = (action: string) => aws?.sent.filter((command) => command.action === action) ?? [];
    expect(pages('ecr:DescribeRepositories').map((command) => command.input.nextToken)).toEqual([
      undefined,
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(pages('eks:ListAccessEntries')).toHaveLength(4);
    expect(pages('ec2:DescribeSubnets').map((command) => command.input.NextToken)).toEqual([undefined, '1']);
    expect(pages('iam:GetAccountAuthorizationDetails').length).toBeGreaterThan(2);
    expect(byType<IamUser>(resources, 'iam-user').map((user) => user.name)).toEqual([
      'Alice',
      'Bob',
      'Charlie',
    ]);
  });

  it('reads a repository whose name has a slash with the name as is, and records it under its encoded key', async () => {
    // Prepare
    const bodies = new Map<string, object>();
    aws = mockAws(fixtureAccount());
    const collector = await AwsCollector.open({
      region: REGION,
      clients: aws.clients(REGION),
      recorder: (path, body) => bodies.set(path, body),
    });
    // Act
    const { resources } = await collector.collectAll();
    // Assess
    const repository = byType<EcrRepository>(resources, 'ecr-repository').find(
      (entry) => entry.name === SLASHED,
    );
    expect(repository?.lifecyclePolicy).toContain('rulePriority');
    expect(
      aws.sent.some(
        (command) => command.action === 'ecr:GetLifecyclePolicy' && command.input.repositoryName === SLASHED,
      ),
    ).toBe(true);
    expect(bodies.has('ecr/GetLifecyclePolicy/project-a%2Famazon-ecs-sample.json')).toBe(true);
  });

  it('reads a not-found policy as absent, not as an error', async () => {
    // Act
    const { resources, warnings } = await (await open()).collectAll();
    // Assess
    const ubuntu = byType<EcrRepository>(resources, 'ecr-repository').find(
      (entry) => entry.name === 'ubuntu',
    );
    expect(ubuntu?.policy).toBeNull();
    expect(ubuntu?.lifecyclePolicy).toBeNull();
    expect(ubuntu?.unreadable).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('turns access denied into an ERROR finding that names the missing permission, and a warning', async () => {
    // Act
    const collector = await open({ deny: ['ecr:GetLifecyclePolicy', 'ec2:DescribeSecurityGroups'] });
    const { resources, warnings } = await collector.collectAll();
    // Assess
    const repository = byType<EcrRepository>(resources, 'ecr-repository')[0];
    expect(repository?.unreadable).toEqual({ lifecyclePolicy: 'AccessDenied: ecr:GetLifecyclePolicy' });
    const cluster = byType<EksCluster>(resources, 'eks-cluster')[0];
    expect(cluster?.unreadable?.clusterSecurityGroup).toBe('AccessDenied: ec2:DescribeSecurityGroups');
    const findings = evaluateAll(resources, { catalog: CATALOG, now: new Date('2026-01-01T00:00:00Z') });
    const lifecycle = findings.filter((finding) => finding.checkId === 'ecr-repository-lifecycle-policy');
    expect(lifecycle.every((finding) => finding.status === 'ERROR')).toBe(true);
    expect(lifecycle[0]?.message).toContain('ecr:GetLifecyclePolicy');
    expect(warnings).toEqual([
      'AccessDenied: ecr:GetLifecyclePolicy (5 calls); what it reads is reported as ERROR',
      'AccessDenied: ec2:DescribeSecurityGroups (1 call); what it reads is reported as ERROR',
    ]);
  });

  it('lists nothing but warns when an enumeration is denied', async () => {
    // Act
    const { resources, warnings } = await (await open({ deny: ['eks:ListClusters'] })).collectAll();
    // Assess
    expect(byType(resources, 'eks-cluster')).toEqual([]);
    expect(warnings).toContain('AccessDenied: eks:ListClusters (1 call); what it reads is reported as ERROR');
  });

  it('refuses to guess the account when DescribeRegistry is denied', async () => {
    aws = mockAws(fixtureAccount(), { deny: ['ecr:DescribeRegistry'] });
    await expect(AwsCollector.open({ region: REGION })).rejects.toThrow(/AccessDenied: ecr:DescribeRegistry/);
  });
});

describe('the credential report', () => {
  it('polls GenerateCredentialReport while the report is in progress, then reads it', async () => {
    // Prepare: STARTED, then a GetCredentialReport that answers ReportInProgress, then COMPLETE
    const collector = await open();
    aws?.iam
      .on(GenerateCredentialReportCommand)
      .resolvesOnce({
        State: 'STARTED',
        Description: 'No report exists. Starting a new report generation task',
      })
      .resolvesOnce({ State: 'COMPLETE' })
      .resolves({ State: 'COMPLETE' });
    const report = fixtureAccount().get(snapshotPath('iam', 'GetCredentialReport')) as { Content: string };
    aws?.iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(serviceError('iam', 'CredentialReportNotReadyException', 410, 'Report is in progress'))
      .resolves({ Content: new Uint8Array(Buffer.from(report.Content, 'base64')), ReportFormat: 'text/csv' });
    // Act
    const { resources, warnings } = await collector.collectAll();
    // Assess
    const alice = byType<IamUser>(resources, 'iam-user').find((user) => user.name === 'Alice');
    expect(alice?.passwordEnabled).toBe(true);
    expect(alice?.mfaActive).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('gives up after the bounded rounds and reads each user with the per-user calls', async () => {
    // Prepare
    const files = fixtureAccount();
    files.set(snapshotPath('iam', 'ListMFADevices', 'Bob'), cliJson('iam/list-mfa-devices.json'));
    files.set(snapshotPath('iam', 'ListAccessKeys', 'Bob'), cliJson('iam/list-access-keys.json'));
    const collector = await open({}, files);
    aws?.iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    // Act
    const { resources, warnings } = await collector.collectAll();
    // Assess
    const generated = aws?.sent.filter((command) => command.action === 'iam:GenerateCredentialReport') ?? [];
    expect(aws?.iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(FAST_REPORT.attempts);
    expect(generated).toHaveLength(0);
    const bob = byType<IamUser>(resources, 'iam-user').find((user) => user.name === 'Bob');
    expect(bob?.mfaActive).toBe(true);
    expect(bob?.accessKeys.length).toBeGreaterThan(0);
    expect(warnings.some((warning) => warning.includes('not ready after 3 rounds'))).toBe(true);
  });
});

describe('the credential report, denied', () => {
  it('names GenerateCredentialReport, not GetCredentialReport, when generating is denied', async () => {
    const { warnings } = await (await open({ deny: ['iam:GenerateCredentialReport'] })).collectAll();
    expect(warnings).toContain(
      'AccessDenied: iam:GenerateCredentialReport (1 call); what it reads is reported as ERROR',
    );
  });
});

describe('AwsCollector.collect', () => {
  it('re-reads named resources with targeted calls and reports deleted ones as missing', async () => {
    // Prepare
    const collector = await open();
    const refs = [
      { type: 'ecr-repository' as const, name: SLASHED },
      { type: 'ecr-repository' as const, name: 'deleted-repo' },
      {
        type: 'ecr-image' as const,
        name: 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5',
        parent: 'cluster-autoscaler',
      },
      { type: 'ecr-image' as const, name: 'sha256:0000', parent: 'cluster-autoscaler' },
      { type: 'eks-cluster' as const, name: 'gone' },
      { type: 'eks-nodegroup' as const, name: 'my-eks-nodegroup', parent: 'my-eks-cluster' },
    ];
    // Act
    const { resources, missing } = await collector.collect(refs);
    // Assess
    expect(resources.map((resource) => resource.name)).toEqual([
      SLASHED,
      'cluster-autoscaler@sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5',
      'my-eks-cluster/my-eks-nodegroup',
    ]);
    expect(missing.map((ref) => ref.name)).toEqual(['deleted-repo', 'sha256:0000', 'gone']);
    const repositories = aws?.sent.filter((command) => command.action === 'ecr:DescribeRepositories') ?? [];
    expect(repositories.every((command) => Array.isArray(command.input.repositoryNames))).toBe(true);
    expect(
      aws?.sent.some(
        (command) =>
          command.action === 'ecr:DescribeImageSigningStatus' &&
          command.input.imageId?.imageDigest === 'sha256:0000',
      ),
    ).toBe(false);
  });

  it('skips refs of another region and refs it cannot tell exist, with a warning', async () => {
    const collector = await open({ deny: ['eks:DescribeCluster'] });
    const { resources, missing, warnings } = await collector.collect([
      { type: 'eks-cluster', name: 'my-eks-cluster' },
      { type: 'ecr-repository', name: 'ubuntu', region: 'eu-west-1' },
    ]);
    expect(resources).toEqual([]);
    expect(missing).toEqual([]);
    expect(warnings).toContain('ref eks-cluster my-eks-cluster skipped: AccessDenied: eks:DescribeCluster');
    expect(warnings).toContain(
      `ref ecr-repository ubuntu skipped: region eu-west-1 is not the collector's (${REGION})`,
    );
  });
});

describe('AwsCollector.collect, an access entry', () => {
  it('asks ListAccessEntries whether it exists when DescribeAccessEntry fails', async () => {
    // Prepare: DescribeAccessEntry answers a service error (after the SDK's retries) for every entry
    const collector = await open();
    aws?.eks
      .on(DescribeAccessEntryCommand)
      .rejects(serviceError('eks', 'ServerException', 500, 'We encountered an internal error'));
    // Act
    const { resources, missing } = await collector.collect([
      { type: 'eks-access-entry', name: 'arn:aws:iam::111122223333:role/Admin', parent: 'my-eks-cluster' },
      { type: 'eks-access-entry', name: 'arn:aws:iam::111122223333:role/gone', parent: 'my-eks-cluster' },
    ]);
    // Assess: the listed entry is kept with its unread type (ERROR), the other is gone
    expect(resources.map((resource) => resource.name)).toEqual([
      'my-eks-cluster/arn:aws:iam::111122223333:role/Admin',
    ]);
    expect(resources[0]?.unreadable?.entryType).toMatch(/^ServerException: eks:DescribeAccessEntry/);
    expect(missing.map((ref) => ref.name)).toEqual(['arn:aws:iam::111122223333:role/gone']);
  });
});

describe('AwsCollector.inventory', () => {
  it('lists the region’s repositories and clusters for the sweep planner', async () => {
    const inventory = await (await open({ pageSize: 2 })).inventory();
    expect(inventory.region).toBe(REGION);
    expect(inventory.repositories).toHaveLength(5);
    expect(inventory.repositories).toContain(SLASHED);
    expect(inventory.clusters).toBe(1);
  });

  it('refuses to count a region whose clusters it may not list, naming the action', async () => {
    const collector = await open({ deny: ['eks:ListClusters'] });
    await expect(collector.inventory()).rejects.toThrow(
      'cannot plan the sweep: AccessDenied: eks:ListClusters',
    );
  });
});

describe('AwsCollector.collectUnit', () => {
  it('reads a split sweep unit by unit, and the units together read what collectAll reads', async () => {
    // Prepare
    const collector = await open();
    const { resources: everything } = await collector.collectAll();
    // Act
    const units = await Promise.all([
      collector.collectUnit({ service: 'ecr-registry' }),
      collector.collectUnit({ service: 'ecr-repositories', start: 0, count: 2 }),
      collector.collectUnit({ service: 'ecr-repositories', start: 2, count: 3 }),
      collector.collectUnit({ service: 'eks' }),
      collector.collectUnit({ service: 'iam' }),
      collector.collectUnit({ service: 'ecs' }),
      collector.collectUnit({ service: 'k8s-clusters', start: 0, count: 1 }),
    ]);
    // Assess
    const key = (resource: { type: string; id: string }) => `${resource.type} ${resource.id}`;
    expect(
      units[1]?.resources
        .filter((resource) => resource.type === 'ecr-repository')
        .map((resource) => resource.name),
    ).toEqual(['cluster-autoscaler', SLASHED]);
    expect(
      units
        .flatMap((unit) => unit.resources)
        .map(key)
        .sort(),
    ).toEqual(everything.map(key).sort());
  });
});
