import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionName, grantsOf } from '../../infra/permissions.js';
import { bundleHandler, HANDLERS, type HandlerBundle, sdkClientsOf } from './sst-bundle.js';

/** A Lambda bundle's target (issue 19, item 6): 1 MB minified, 1,000,000 bytes. */
const ONE_MB = 1_000_000;

/**
 * The functions whose bundle (what a cold start loads of it) is over the target today, each with
 * the bound it must stay under (packages/aws README, "Bundles"): they read EKS nodegroups' subnets
 * and launch templates and clusters' security groups with the EC2 client, whose schemas esbuild
 * cannot tree-shake (~560 KB whatever the calls), and the sweep's two hold every service's reader.
 */
const OVER_TARGET: Partial<Record<FunctionName, number>> = {
  // on-eks-event: its Kubernetes reader also reads the ECR state of what the workloads run (issue 14).
  'on-eks-event': 1_445_000,
  sweep: 1_615_000,
  'sweep-worker': 1_620_000,
};

/**
 * What a cold start of each function under the target loads, bounded a little over what it loads
 * today (the split bundle, test/bundles/sst-bundle.ts): the organisation's STS and Organizations
 * clients and the SDK's credential providers are `import()`ed, their own chunks, so that a function
 * that grows notices here before it reaches 1 MB.
 */
const LOADED_BOUND: Partial<Record<FunctionName, number>> = {
  // on-ecr-event re-reads the ECS revisions and EKS workloads running an image (the digest index).
  'on-ecr-event': 990_000,
  'on-ecs-event': 905_000,
  'on-k8s-audit': 890_000,
  'on-iam-event': 820_000,
  'on-finding-change': 890_000,
  api: 820_000,
};

/** What reading an organisation's member accounts adds to every reader (issue 18): AssumeRole, ListAccounts. */
const ORGANIZATION_CLIENTS = ['client-organizations', 'client-sts'];

/** The SDK client package of each IAM action prefix a function may be granted. */
const CLIENT_OF_PREFIX: Record<string, string> = {
  ecr: 'client-ecr',
  eks: 'client-eks',
  ec2: 'client-ec2',
  iam: 'client-iam',
  ecs: 'client-ecs',
  // Inspector's coverage of the ECR images (enhanced scanning, issue 14)
  inspector2: 'client-inspector2',
  dynamodb: 'client-dynamodb',
  events: 'client-eventbridge',
  sqs: 'client-sqs',
  lambda: 'client-lambda',
  securityhub: 'client-securityhub',
  sts: 'client-sts',
  organizations: 'client-organizations',
};

/** The SDK clients a function can use: those of the actions its own code is granted (with every option on, an organisation's included). */
function usableClients(name: FunctionName): Set<string> {
  const organization = { memberRoleName: 'CustomsReadOnly', listAccounts: true };
  const actions = grantsOf(name, { securityHub: true, organization })
    .filter((grant) => grant.caller === undefined)
    .flatMap((grant) => grant.actions);
  return new Set(actions.flatMap((action) => CLIENT_OF_PREFIX[action.split(':')[0] ?? ''] ?? []));
}

/**
 * Each deployed function bundled as SST bundles it (esbuild, ESM, minified, the SDK bundled, one
 * file): what a cold start loads. Bundled once each.
 */
describe('Lambda bundles', () => {
  const bundles = new Map<FunctionName, HandlerBundle>();

  beforeAll(async () => {
    for (const bundle of await Promise.all(HANDLERS.map((name) => bundleHandler(name))))
      bundles.set(bundle.name, bundle);
  }, 300_000);

  function bundleOf(name: FunctionName): HandlerBundle {
    const bundle = bundles.get(name);
    if (!bundle) throw new Error(`${name} was not bundled`);
    return bundle;
  }

  it.each(HANDLERS.filter((name) => OVER_TARGET[name] === undefined))('%s is at most 1 MB', (name) => {
    expect(bundleOf(name).bytes).toBeLessThanOrEqual(ONE_MB);
  });

  it.each(Object.entries({ ...LOADED_BOUND, ...OVER_TARGET }))('%s stays under its bound', (name, bound) => {
    expect(bundleOf(name as FunctionName).bytes).toBeLessThanOrEqual(bound);
  });

  it.each(HANDLERS)(
    '%s loads the STS and Organizations clients only when it reads an organisation (their own chunks)',
    (name) => {
      const bundle = bundleOf(name);
      const loaded = sdkClientsOf(bundle, 'loaded');
      // The organisation's clients, where the function has them at all, are import()ed: never loaded at start.
      expect(loaded.filter((client) => ORGANIZATION_CLIENTS.includes(client))).toEqual([]);
      expect(bundle.loadedPackages.has('@aws-sdk/credential-provider-ini')).toBe(false);
      expect(bundle.bytes).toBeLessThan(bundle.totalBytes);
    },
  );

  it.each(['on-eks-event', 'sweep', 'sweep-worker'] as const)(
    '%s is over 1 MB by the EC2 client until EC2 is off its path',
    (name) => {
      // What puts it over is the EC2 client: without it, an EKS handler would be under 1 MB.
      expect(bundleOf(name).packages.get('@aws-sdk/client-ec2') ?? 0).toBeGreaterThan(400_000);
    },
  );

  it.each(HANDLERS)('%s holds no SDK client its permissions do not let it use', (name) => {
    const usable = usableClients(name);
    expect(sdkClientsOf(bundleOf(name)).filter((client) => !usable.has(client))).toEqual([]);
  });

  it('an ECR event handler holds the ECR clients and the readers of the deployments an image runs in (no EC2 code)', () => {
    expect(sdkClientsOf(bundleOf('on-ecr-event'))).toEqual([
      'client-dynamodb',
      'client-ecr',
      'client-ecs',
      'client-eks',
      'client-iam',
      'client-inspector2',
      ...ORGANIZATION_CLIENTS,
    ]);
  });

  it("each event handler holds its service's clients and none of the services its events never name", () => {
    const withOrganization = (clients: string[]) => [...clients, ...ORGANIZATION_CLIENTS].sort();
    expect(sdkClientsOf(bundleOf('on-iam-event'))).toEqual(
      withOrganization(['client-dynamodb', 'client-ecr', 'client-iam']),
    );
    expect(sdkClientsOf(bundleOf('on-ecs-event'))).toEqual(
      withOrganization(['client-dynamodb', 'client-ecr', 'client-ecs', 'client-iam', 'client-inspector2']),
    );
    expect(sdkClientsOf(bundleOf('on-eks-event'))).toEqual(
      withOrganization(['client-dynamodb', 'client-ec2', 'client-ecr', 'client-eks']),
    );
    expect(sdkClientsOf(bundleOf('on-k8s-audit'))).toEqual(
      withOrganization(['client-dynamodb', 'client-ecr', 'client-eks', 'client-inspector2']),
    );
  });

  it('the sweep holds every reader', () => {
    expect(sdkClientsOf(bundleOf('sweep'))).toEqual(
      [
        'client-dynamodb',
        'client-ec2',
        'client-ecr',
        'client-ecs',
        'client-eks',
        'client-iam',
        'client-inspector2',
        'client-sqs',
        ...ORGANIZATION_CLIENTS,
      ].sort(),
    );
  });
});
