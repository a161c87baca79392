import { afterEach, describe, expect, it } from 'vitest';
import { ECR_READER, EKS_READER, K8S_READER, LiveCollector, RefReadError } from '../../src/index.js';
import { ACCOUNT, fixtureAccount, REGION, SLASHED } from './helpers/fixture-account.js';
import { type MockedAws, mockAws } from './helpers/mock-aws.js';

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

/** A live collector of the fixture account holding only `services`' readers (as an event handler does). */
async function openWith(services: Parameters<typeof LiveCollector.open>[0]['readers']['services']) {
  aws = mockAws(fixtureAccount());
  return LiveCollector.open({ readers: { services }, region: REGION });
}

describe('a LiveCollector of some services (a Lambda event handler)', () => {
  it('re-reads a ref of its service, with only its clients made, and tells the account from ECR', async () => {
    // Prepare
    const collector = await openWith({ ecr: ECR_READER });
    // Act
    const { resources } = await collector.collect([{ type: 'ecr-repository', name: SLASHED }]);
    // Assess
    expect(collector.scope).toEqual({ accountId: ACCOUNT, region: REGION });
    expect(resources.map((resource) => resource.type)).toEqual(['ecr-repository']);
    expect(aws?.actions().every((action) => action.startsWith('ecr:'))).toBe(true);
    expect(() => collector.clients.eks).toThrow('no eks client here: its clients are ecr');
  });

  it('fails a ref of a service it does not read, naming the services it holds, and reads the rest', async () => {
    // Prepare
    const collector = await openWith({ ecr: ECR_READER });
    // Act
    const read = collector.collect([
      { type: 'ecr-repository', name: SLASHED },
      { type: 'eks-cluster', name: 'prod' },
    ]);
    // Assess
    await expect(read).rejects.toBeInstanceOf(RefReadError);
    await expect(read).rejects.toThrow(/the collector reads no eks \(a eks-cluster ref\); its services: ecr/);
    expect(aws?.actions()).toContain('ecr:DescribeRepositories');
    expect(aws?.actions().some((action) => action.startsWith('eks:'))).toBe(false);
  });

  it('sweeps only its services and cannot plan a split sweep', async () => {
    // Prepare
    const collector = await openWith({ eks: EKS_READER, k8s: K8S_READER });
    // Act
    const { resources } = await collector.collectAll();
    // Assess
    const types = new Set(resources.map((resource) => resource.type));
    expect([...types].every((type) => type.startsWith('eks-') || type.startsWith('k8s-'))).toBe(true);
    expect(types.has('eks-cluster')).toBe(true);
    await expect(collector.inventory()).rejects.toThrow(
      "cannot plan the sweep: the collector has not the sweep's readers",
    );
  });
});
