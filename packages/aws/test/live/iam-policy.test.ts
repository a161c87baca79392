import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GenerateCredentialReportCommand } from '@aws-sdk/client-iam';
import type { ResourceRef } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACTION_OF_OPERATION,
  AwsCollector,
  iamPolicy,
  needsIam,
  readOperations,
  snapshotPath,
} from '../../src/index.js';
import { cliJson } from '../helpers/fixtures.js';
import { withEnhancedScanning } from './helpers/enhanced-scanning.js';
import { fixtureAccount, REGION, SLASHED } from './helpers/fixture-account.js';
import { type MockedAws, mockAws } from './helpers/mock-aws.js';

const POLICY_FILE = fileURLToPath(new URL('../../iam-policy.json', import.meta.url));

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

/** Runs the collector through every path it has (sweep, refs, no credential report) and lists what it sent. */
async function everyActionSent(): Promise<string[]> {
  const sent = new Set<string>();
  // enhanced scanning: the image reads also ask Inspector for its coverage (ListCoverage)
  const files = withEnhancedScanning(fixtureAccount());
  files.set(snapshotPath('iam', 'ListMFADevices', 'Bob'), cliJson('iam/list-mfa-devices.json'));
  const refs: ResourceRef[] = [
    { type: 'ecr-registry', name: '111122223333' },
    { type: 'ecr-repository', name: SLASHED },
    {
      type: 'ecr-image',
      name: 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5',
      parent: 'cluster-autoscaler',
    },
    { type: 'eks-cluster', name: 'my-eks-cluster' },
    { type: 'eks-nodegroup', name: 'my-eks-nodegroup', parent: 'my-eks-cluster' },
    { type: 'eks-access-entry', name: 'arn:aws:iam::111122223333:role/Admin', parent: 'my-eks-cluster' },
    { type: 'iam-user', name: 'Bob' },
    { type: 'iam-account', name: '111122223333' },
    { type: 'ecs-cluster', name: 'sampleCluster' },
    { type: 'ecs-service', name: 'my-http-service', parent: 'default' },
    { type: 'ecs-task-definition', name: 'hello_world:7' },
  ];
  for (const reportReady of [true, false]) {
    aws = mockAws(files);
    if (!reportReady) aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    const collector = await AwsCollector.open({
      region: REGION,
      clients: aws.clients(REGION),
      reportPolling: { attempts: 1, delayMs: 1 },
    });
    await collector.collectAll();
    await collector.collect(refs);
    for (const action of aws.actions()) sent.add(action);
    if (!reportReady) sent.add('iam:GenerateCredentialReport');
    aws.restore();
    aws = undefined;
  }
  return [...sent].sort();
}

describe('the published IAM policy', () => {
  it('is committed as packages/aws/iam-policy.json exactly as generated', () => {
    expect(JSON.parse(readFileSync(POLICY_FILE, 'utf8'))).toEqual(iamPolicy());
  });

  it('allows exactly the actions the collector sends, no more and no fewer, all read-only', async () => {
    // Act
    const sent = await everyActionSent();
    // Assess
    // the Kubernetes reads go to the cluster's API, authorized by its access entry, not by IAM
    expect(sent).toEqual(readOperations().filter(needsIam));
    expect(readOperations().filter((name) => !needsIam(name))).toContain('k8s:ListPods');
    const authorizing = [
      ...new Set(sent.map((operation) => ACTION_OF_OPERATION[operation] ?? operation)),
    ].sort();
    expect(iamPolicy().Statement[0]?.Action).toEqual(authorizing);
    expect(authorizing).toContain('ecr:BatchGetImage');
    expect(authorizing).not.toContain('ecr:ListImageReferrers');
    expect(JSON.stringify(iamPolicy())).not.toContain('k8s:');
    for (const action of authorizing)
      expect(action).toMatch(/^(ecr|eks|ec2|iam|ecs|inspector2):(Describe|Get|List|BatchGet|Generate)/);
  });
});
