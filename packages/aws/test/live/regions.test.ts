import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, MultiRegionCollector } from '../../src/index.js';
import { fixtureAccount, REGION } from './helpers/fixture-account.js';
import { type MockedAws, mockAws } from './helpers/mock-aws.js';

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

describe('MultiRegionCollector', () => {
  it('reads each region and IAM once, and routes refs to their region', async () => {
    // Prepare
    aws = mockAws(fixtureAccount());
    const collector = await MultiRegionCollector.open([REGION, 'eu-west-1', REGION], (region, iam) =>
      AwsCollector.open({
        region,
        iam,
        clients: (aws as MockedAws).clients(region),
        reportPolling: { attempts: 1, delayMs: 1 },
      }),
    );
    // Act
    const { resources } = await collector.collectAll();
    const { resources: reread, warnings } = await collector.collect([
      { type: 'ecr-repository', name: 'ubuntu', region: REGION },
      { type: 'iam-user', name: 'Alice' },
      { type: 'eks-cluster', name: 'prod', region: 'ap-south-1' },
    ]);
    // Assess
    expect(collector.collectors.map((regional) => regional.scope.region)).toEqual([REGION, 'eu-west-1']);
    const details = aws.sent.filter((command) => command.action === 'iam:GetAccountAuthorizationDetails');
    expect(details.length).toBe(2);
    expect(resources.filter((resource) => resource.type === 'iam-account')).toHaveLength(1);
    expect(
      resources.filter((resource) => resource.type === 'ecr-registry').map((registry) => registry.region),
    ).toEqual([REGION, 'eu-west-1']);
    expect(reread.map((resource) => resource.name)).toEqual(['ubuntu', 'Alice']);
    expect(warnings).toEqual(['ref eks-cluster prod skipped: region ap-south-1 is not scanned']);
  });
});
