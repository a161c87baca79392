import * as ec2 from '@aws-sdk/client-ec2';
import * as ecr from '@aws-sdk/client-ecr';
import * as ecs from '@aws-sdk/client-ecs';
import * as eks from '@aws-sdk/client-eks';
import * as iam from '@aws-sdk/client-iam';
import * as inspector2 from '@aws-sdk/client-inspector2';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { type AwsClients, createAwsClients, snapshotPath } from '../../../src/index.js';
import { TEST_CREDENTIALS } from '../../../src/testing/index.js';
import { fakeKubernetes } from './fake-kubernetes.js';
import { type SnapshotKubernetes, snapshotKubernetes } from './kubernetes-api.js';
import { type Paging, pageOf, type SnapshotFiles, sdkShape } from './snapshot-files.js';

type Service = 'ecr' | 'eks' | 'ec2' | 'iam' | 'ecs' | 'inspector2';
type Input = Record<string, unknown> & {
  repositoryName?: string;
  repositoryNames?: string[];
  imageIds?: { imageDigest?: string }[];
  imageId?: { imageDigest?: string };
  subjectId?: { imageDigest?: string };
  name?: string;
  clusterName?: string;
  nodegroupName?: string;
  fargateProfileName?: string;
  principalArn?: string;
  LaunchTemplateId?: string;
  UserName?: string;
  filterCriteria?: Record<string, { comparison?: string; value?: string }[] | undefined>;
};

/** The value of a ListCoverage string filter (`EQUALS`), e.g. `ecrRepositoryName`. */
const coverageFilter = (input: Input, field: string) =>
  input.filterCriteria?.[field]?.find((filter) => filter.comparison === 'EQUALS')?.value;

// biome-ignore lint/suspicious/noExplicitAny: the command classes of four SDK clients, as aws-sdk-client-mock takes them
type CommandClass = new (...args: any[]) => any;

/** How the mocked AWS answers one command from the snapshot's files. */
interface Route {
  service: Service;
  command: CommandClass;
  keys?: (input: Input) => string[];
  paging?: Paging;
  /** The service's error when the file is missing; else `{}` (an empty body) is served. */
  notFound?: string;
  /** Narrows the body to what the input asks for (a filtered Describe). */
  narrow?: (body: Record<string, unknown>, input: Input, files: SnapshotFiles) => Record<string, unknown>;
  /** The not-found error's message [its name]. */
  notFoundMessage?: string;
}

const next = (lists: string[]): Paging => ({ lists, token: 'nextToken' });
const NEXT = (lists: string[]): Paging => ({ lists, token: 'NextToken' });
const MARKER = (lists: string[]): Paging => ({ lists, token: 'Marker', truncatedFlag: true });
const repo = (input: Input) => [input.repositoryName ?? ''];
const image = (digest: string | undefined) => (input: Input) => [input.repositoryName ?? '', digest ?? ''];
const cluster = (input: Input) => [input.clusterName ?? ''];

/** ECS answers a Describe of what it does not know with `failures` (reason MISSING), not an error. */
function describedOnly(list: string, fields: string[], wanted: string[] | undefined) {
  return (body: Record<string, unknown>): Record<string, unknown> => {
    if (!wanted) return body;
    const asked = new Set(wanted);
    const items = ((body[list] ?? []) as Record<string, unknown>[]).filter((item) =>
      fields.some((field) => asked.has(String(item[field])) || asked.has(lastPart(String(item[field])))),
    );
    const found = new Set(items.flatMap((item) => fields.map((field) => String(item[field]))));
    const missing = wanted.filter(
      (name) => !found.has(name) && ![...found].some((f) => lastPart(f) === name),
    );
    return { ...body, [list]: items, failures: missing.map((arn) => ({ arn, reason: 'MISSING' })) };
  };
}

const lastPart = (text: string) => text.slice(text.lastIndexOf('/') + 1);
const familyOf = (arn: string) => lastPart(arn).slice(0, lastPart(arn).lastIndexOf(':'));
const revisionOf = (arn: string) => Number(lastPart(arn).slice(lastPart(arn).lastIndexOf(':') + 1));
const ecsCluster = (input: Input) => [lastPart(String(input.cluster ?? 'default'))];

/** ListTaskDefinitions: `familyPrefix` and `sort` as ECS applies them (DESC: families and revisions reversed). */
function taskDefinitionsAsked(body: Record<string, unknown>, input: Input): Record<string, unknown> {
  const prefix = typeof input.familyPrefix === 'string' ? input.familyPrefix : '';
  const arns = ((body.taskDefinitionArns ?? []) as string[]).filter((arn) =>
    familyOf(arn).startsWith(prefix),
  );
  const ascending = [...arns].sort((a, b) =>
    familyOf(a) === familyOf(b) ? revisionOf(a) - revisionOf(b) : familyOf(a) < familyOf(b) ? -1 : 1,
  );
  return { ...body, taskDefinitionArns: input.sort === 'DESC' ? ascending.reverse() : ascending };
}

/** ListTasks with `family`: the cluster's tasks whose revision is of that family (from its DescribeTasks file). */
function tasksOfFamily(body: Record<string, unknown>, input: Input, files: SnapshotFiles) {
  if (typeof input.family !== 'string') return body;
  const described = files.get(snapshotPath('ecs', 'DescribeTasks', ...ecsCluster(input))) as
    | { tasks?: { taskArn?: string; taskDefinitionArn?: string }[] }
    | undefined;
  const ofFamily = new Set(
    (described?.tasks ?? [])
      .filter((task) => familyOf(task.taskDefinitionArn ?? '') === input.family)
      .map((task) => task.taskArn),
  );
  return { ...body, taskArns: ((body.taskArns ?? []) as string[]).filter((arn) => ofFamily.has(arn)) };
}

const ECS_ROUTES: Route[] = [
  { service: 'ecs', command: ecs.ListClustersCommand, paging: next(['clusterArns']) },
  {
    service: 'ecs',
    command: ecs.DescribeClustersCommand,
    narrow: (body, input) =>
      describedOnly('clusters', ['clusterName', 'clusterArn'], input.clusters as string[])(body),
  },
  {
    service: 'ecs',
    command: ecs.DescribeCapacityProvidersCommand,
    narrow: (body, input) =>
      describedOnly(
        'capacityProviders',
        ['name', 'capacityProviderArn'],
        input.capacityProviders as string[],
      )(body),
  },
  {
    service: 'ecs',
    command: ecs.ListServicesCommand,
    keys: ecsCluster,
    paging: next(['serviceArns']),
    notFound: 'ClusterNotFoundException',
  },
  {
    service: 'ecs',
    command: ecs.DescribeServicesCommand,
    keys: ecsCluster,
    notFound: 'ClusterNotFoundException',
    narrow: (body, input) =>
      describedOnly('services', ['serviceName', 'serviceArn'], input.services as string[])(body),
  },
  {
    service: 'ecs',
    command: ecs.ListTaskDefinitionsCommand,
    paging: next(['taskDefinitionArns']),
    narrow: taskDefinitionsAsked,
  },
  {
    service: 'ecs',
    command: ecs.DescribeTaskDefinitionCommand,
    keys: (input) => [lastPart(String(input.taskDefinition))],
    notFound: 'ClientException',
    notFoundMessage: 'Unable to describe task definition.',
  },
  {
    service: 'ecs',
    command: ecs.ListTasksCommand,
    keys: ecsCluster,
    paging: next(['taskArns']),
    notFound: 'ClusterNotFoundException',
    narrow: tasksOfFamily,
  },
  {
    service: 'ecs',
    command: ecs.DescribeTasksCommand,
    keys: ecsCluster,
    notFound: 'ClusterNotFoundException',
    narrow: (body, input) => describedOnly('tasks', ['taskArn'], input.tasks as string[])(body),
  },
];

const ROUTES: Route[] = [
  { service: 'ecr', command: ecr.DescribeRegistryCommand },
  { service: 'ecr', command: ecr.GetRegistryScanningConfigurationCommand },
  {
    service: 'ecr',
    command: ecr.DescribePullThroughCacheRulesCommand,
    paging: next(['pullThroughCacheRules']),
  },
  {
    service: 'ecr',
    command: ecr.DescribeRepositoriesCommand,
    paging: next(['repositories']),
    notFound: 'RepositoryNotFoundException',
    narrow: (body, input) =>
      narrowList(
        body,
        'repositories',
        input.repositoryNames,
        'repositoryName',
        'RepositoryNotFoundException',
      ),
  },
  {
    service: 'ecr',
    command: ecr.BatchGetRepositoryScanningConfigurationCommand,
    narrow: (body, input) => ({
      ...body,
      scanningConfigurations: ((body.scanningConfigurations ?? []) as { repositoryName?: string }[]).filter(
        (entry) => input.repositoryNames?.includes(entry.repositoryName ?? ''),
      ),
    }),
  },
  {
    service: 'ecr',
    command: ecr.GetRepositoryPolicyCommand,
    keys: repo,
    notFound: 'RepositoryPolicyNotFoundException',
  },
  {
    service: 'ecr',
    command: ecr.GetLifecyclePolicyCommand,
    keys: repo,
    notFound: 'LifecyclePolicyNotFoundException',
  },
  {
    service: 'ecr',
    command: ecr.DescribeImagesCommand,
    keys: repo,
    paging: next(['imageDetails']),
    notFound: 'RepositoryNotFoundException',
    narrow: (body, input) =>
      narrowList(
        body,
        'imageDetails',
        input.imageIds?.map((id) => id.imageDigest ?? ''),
        'imageDigest',
        'ImageNotFoundException',
      ),
  },
  {
    service: 'ecr',
    command: ecr.DescribeImageSigningStatusCommand,
    keys: (input) => image(input.imageId?.imageDigest)(input),
    notFound: 'ImageNotFoundException',
  },
  {
    service: 'ecr',
    command: ecr.ListImageReferrersCommand,
    keys: (input) => image(input.subjectId?.imageDigest)(input),
    paging: next(['referrers']),
    notFound: 'ImageNotFoundException',
  },
  {
    // Inspector's coverage of a repository's images (its file), narrowed to one resourceId when asked
    service: 'inspector2',
    command: inspector2.ListCoverageCommand,
    keys: (input) => [coverageFilter(input, 'ecrRepositoryName') ?? ''],
    paging: next(['coveredResources']),
    narrow: (body, input) => {
      const resourceId = coverageFilter(input, 'resourceId');
      if (resourceId === undefined) return body;
      const covered = (body.coveredResources ?? []) as { resourceId?: string }[];
      return { ...body, coveredResources: covered.filter((each) => each.resourceId === resourceId) };
    },
  },
  { service: 'eks', command: eks.ListClustersCommand, paging: next(['clusters']) },
  {
    service: 'eks',
    command: eks.DescribeClusterCommand,
    keys: (input) => [input.name ?? ''],
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.ListNodegroupsCommand,
    keys: cluster,
    paging: next(['nodegroups']),
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.DescribeNodegroupCommand,
    keys: (input) => [input.clusterName ?? '', input.nodegroupName ?? ''],
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.ListFargateProfilesCommand,
    keys: cluster,
    paging: next(['fargateProfileNames']),
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.DescribeFargateProfileCommand,
    keys: (input) => [input.clusterName ?? '', input.fargateProfileName ?? ''],
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.ListAccessEntriesCommand,
    keys: cluster,
    paging: next(['accessEntries']),
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.DescribeAccessEntryCommand,
    keys: (input) => [input.clusterName ?? '', input.principalArn ?? ''],
    notFound: 'ResourceNotFoundException',
  },
  {
    service: 'eks',
    command: eks.ListAssociatedAccessPoliciesCommand,
    keys: (input) => [input.clusterName ?? '', input.principalArn ?? ''],
    paging: next(['associatedAccessPolicies']),
    notFound: 'ResourceNotFoundException',
  },
  ...ECS_ROUTES,
  { service: 'ec2', command: ec2.DescribeSubnetsCommand, paging: NEXT(['Subnets']) },
  { service: 'ec2', command: ec2.DescribeSecurityGroupsCommand, paging: NEXT(['SecurityGroups']) },
  {
    service: 'ec2',
    command: ec2.DescribeLaunchTemplateVersionsCommand,
    keys: (input) => [input.LaunchTemplateId ?? ''],
    paging: NEXT(['LaunchTemplateVersions']),
    notFound: 'InvalidLaunchTemplateId.NotFound',
  },
  {
    service: 'iam',
    command: iam.GetAccountAuthorizationDetailsCommand,
    paging: MARKER(['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']),
  },
  { service: 'iam', command: iam.GetAccountSummaryCommand },
  {
    service: 'iam',
    command: iam.GetCredentialReportCommand,
    notFound: 'CredentialReportNotPresentException',
  },
  {
    service: 'iam',
    command: iam.GetLoginProfileCommand,
    keys: (input) => [input.UserName ?? ''],
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.ListMFADevicesCommand,
    keys: (input) => [input.UserName ?? ''],
    paging: MARKER(['MFADevices']),
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.ListAccessKeysCommand,
    keys: (input) => [input.UserName ?? ''],
    paging: MARKER(['AccessKeyMetadata']),
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.ListAttachedRolePoliciesCommand,
    keys: (input) => [String(input.RoleName)],
    paging: MARKER(['AttachedPolicies']),
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.ListRolePoliciesCommand,
    keys: (input) => [String(input.RoleName)],
    paging: MARKER(['PolicyNames']),
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.GetRolePolicyCommand,
    keys: (input) => [String(input.RoleName), String(input.PolicyName)],
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.GetPolicyCommand,
    keys: (input) => [String(input.PolicyArn)],
    notFound: 'NoSuchEntityException',
  },
  {
    service: 'iam',
    command: iam.GetPolicyVersionCommand,
    keys: (input) => [String(input.PolicyArn), String(input.VersionId)],
    notFound: 'NoSuchEntityException',
  },
];

function narrowList(
  body: Record<string, unknown>,
  list: string,
  wanted: string[] | undefined,
  field: string,
  notFound: string,
): Record<string, unknown> {
  if (!wanted) return body;
  const items = ((body[list] ?? []) as Record<string, unknown>[]).filter((item) =>
    wanted.includes(String(item[field])),
  );
  if (items.length === 0) throw serviceError(list === 'repositories' ? 'ecr' : 'ecr', notFound, 400);
  return { ...body, [list]: items };
}

const EXCEPTIONS = {
  ecr: ecr.ECRServiceException,
  eks: eks.EKSServiceException,
  ec2: ec2.EC2ServiceException,
  iam: iam.IAMServiceException,
  ecs: ecs.ECSServiceException,
  inspector2: inspector2.Inspector2ServiceException,
};

/** An error as the SDK throws it for a service's answer. */
export function serviceError(service: Service, name: string, status = 400, message = name): Error {
  return new EXCEPTIONS[service]({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });
}

/** Access denied, as each service names it. */
export function accessDenied(service: Service, action: string): Error {
  const name =
    service === 'iam'
      ? 'AccessDenied'
      : service === 'ec2'
        ? 'UnauthorizedOperation'
        : 'AccessDeniedException';
  return serviceError(service, name, 403, `User is not authorized to perform: ${action}`);
}

// biome-ignore lint/suspicious/noExplicitAny: one stub type for the four clients
type Stub = AwsStub<any, any, any>;

/** One command the mocked AWS answered. */
export interface SentCommand {
  action: string;
  input: Input;
}

/** How the mocked account answers. */
export interface MockOptions {
  /** Items per page at most (the caller's maxResults, else 100) [no cap]. */
  pageSize?: number;
  /** Milliseconds each call takes. */
  latencyMs?: number;
  /** Actions answered with access denied (`ecr:GetLifecyclePolicy`). */
  deny?: string[];
  /** Actions whose missing files are answered with an empty body rather than not-found. */
  emptyWhenMissing?: string[];
  /** Keep a copy of each input in `sent` [true]. */
  logInputs?: boolean;
  /**
   * Serve each cluster's Kubernetes API on loopback from the files ({@link snapshotKubernetes}),
   * DescribeCluster answering its endpoint and CA, for the clients the code under test makes
   * (`createAwsClients`): their default credential chain signs the tokens, so TEST_CREDENTIALS
   * are put in the environment until `restore()` [false: only `clients()`' in-memory fake].
   */
  serveKubernetes?: boolean;
  /**
   * Mock these clients only (one account's, made by the code under test), not every client of
   * each class: several accounts each answer from their own files [every client].
   */
  clients?: Pick<AwsClients, Service>;
}

/** The mocked clients (aws-sdk-client-mock) and every command they answered. */
export interface MockedAws {
  ecr: Stub;
  eks: Stub;
  ec2: Stub;
  iam: Stub;
  ecs: Stub;
  inspector2: Stub;
  sent: SentCommand[];
  /** `service:Operation` of every command sent, sorted, without repeats. */
  actions(): string[];
  /** Restores the clients (and the environment); resolves once the Kubernetes API servers are closed. */
  restore(): Promise<void>;
  /** The clusters' loopback Kubernetes API servers, with `serveKubernetes`. */
  kubernetesApi: SnapshotKubernetes | undefined;
  /** Clients of the region with a Kubernetes factory that answers from the same files. */
  clients(region: string): AwsClients;
  /** The Kubernetes requests made, `<cluster> list|get <path>`. */
  kubernetesRequests: string[];
}

/** Answers commands from a snapshot's files, and logs them. */
export interface Answerer {
  answer(service: Service, commandName: string, input: Input): Promise<unknown>;
  sent: SentCommand[];
}

const ROUTE_BY_NAME = new Map(ROUTES.map((route) => [`${route.service}:${route.command.name}`, route]));

/**
 * Answers commands from a snapshot's files in the SDK's shapes: lists paged with the service's
 * token, filtered Describes narrowed, missing per-resource files answered with the service's
 * not-found error, timestamps as Dates, the credential report's `Content` as bytes.
 */
export function createAnswerer(files: SnapshotFiles, options: MockOptions = {}): Answerer {
  const sent: SentCommand[] = [];
  const deny = new Set(options.deny ?? []);
  const empty = new Set(options.emptyWhenMissing ?? []);
  const logInputs = options.logInputs ?? true;
  async function answer(service: Service, commandName: string, input: Input): Promise<unknown> {
    const operation = commandName.replace(/Command$/, '');
    const action = `${service}:${operation}`;
    sent.push({ action, input: logInputs ? { ...input } : {} });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (deny.has(action)) throw accessDenied(service, action);
    if (action === 'iam:GenerateCredentialReport') return { State: 'COMPLETE' };
    const route = ROUTE_BY_NAME.get(`${service}:${commandName}`);
    if (!route) throw new Error(`the mocked AWS does not answer ${action}`);
    return serve(route, operation, input);
  }

  function serve(route: Route, operation: string, input: Input): unknown {
    const path = snapshotPath(route.service, operation, ...(route.keys?.(input) ?? []));
    const stored = files.get(path) as Record<string, unknown> | undefined;
    if (stored === undefined) {
      if (route.notFound && !empty.has(`${route.service}:${operation}`))
        throw serviceError(route.service, route.notFound, 400, route.notFoundMessage);
      return {};
    }
    let body = route.narrow ? route.narrow(stored, input, files) : stored;
    if (route.paging) {
      const asked = Number(input.maxResults ?? input.MaxResults ?? input.MaxItems ?? 100);
      const size = Math.min(asked, options.pageSize ?? Number.POSITIVE_INFINITY);
      body = pageOf(body, route.paging, input[route.paging.inputToken ?? route.paging.token], size);
    }
    if (operation === 'GetCredentialReport' && typeof body.Content === 'string') {
      body = { ...body, Content: new Uint8Array(Buffer.from(body.Content, 'base64')) };
    }
    return sdkShape(body);
  }
  return { answer, sent };
}

/**
 * Mocks the ECR, EKS, EC2 and IAM clients (every instance, with aws-sdk-client-mock) to answer
 * from a snapshot's files (see {@link createAnswerer}).
 */
export function mockAws(files: SnapshotFiles, options: MockOptions = {}): MockedAws {
  const only = options.clients;
  const stubs = {
    ecr: mockClient(only ? only.ecr : ecr.ECRClient),
    eks: mockClient(only ? only.eks : eks.EKSClient),
    ec2: mockClient(only ? only.ec2 : ec2.EC2Client),
    iam: mockClient(only ? only.iam : iam.IAMClient),
    ecs: mockClient(only ? only.ecs : ecs.ECSClient),
    // Inspector's client is made on first use (its module imported then): every instance's is mocked,
    // with `clients` too, so the last mockAws made answers Inspector's calls
    inspector2: mockClient(inspector2.Inspector2Client),
  } as Record<Service, Stub>;
  const { answer, sent } = createAnswerer(files, options);
  const fake = fakeKubernetes(files);
  const served = options.serveKubernetes ? snapshotKubernetes(files) : undefined;
  const environment = served ? signWithTestCredentials() : undefined;
  for (const route of [
    ...ROUTES,
    { service: 'iam' as const, command: iam.GenerateCredentialReportCommand },
  ]) {
    stubs[route.service].on(route.command).callsFake(async function answered(input: Input) {
      const body = await answer(route.service, route.command.name, input);
      return served && route.command === eks.DescribeClusterCommand
        ? served.describe(body as { cluster?: Record<string, unknown> })
        : body;
    });
  }
  return {
    ...stubs,
    sent,
    actions: () => [...new Set(sent.map((command) => command.action))].sort(),
    async restore() {
      for (const stub of Object.values(stubs)) stub.restore();
      environment?.restore();
      await served?.close();
    },
    kubernetesApi: served,
    clients: (region) => ({ ...createAwsClients({ region }), kubernetes: fake.kubernetes }),
    kubernetesRequests: fake.requests,
  };
}

const CREDENTIAL_ENV = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
] as const;

/** Puts TEST_CREDENTIALS in the environment (the default chain's first source) until `restore()`. */
function signWithTestCredentials(): { restore(): void } {
  const saved = CREDENTIAL_ENV.map((key) => [key, process.env[key]] as const);
  for (const key of CREDENTIAL_ENV) delete process.env[key];
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  return {
    restore() {
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}

/** The services whose clients are made at once (Inspector's is made on first use: not served here). */
const MIDDLEWARE_SERVICES = ['ecr', 'eks', 'ec2', 'iam', 'ecs'] as const;
type MiddlewareService = (typeof MIDDLEWARE_SERVICES)[number];

/**
 * Makes real clients answer from the files through a middleware that replaces the network
 * (no sinon stub matching per call: the benchmark's way to measure the collector, not the mock).
 */
export function serveFromMiddleware(
  clients: Record<MiddlewareService, { middlewareStack: { add: (...args: never[]) => void } }>,
  answerer: Answerer,
): void {
  for (const service of MIDDLEWARE_SERVICES) {
    const stack = clients[service].middlewareStack as unknown as {
      add(
        middleware: (
          next: unknown,
          context: { commandName: string },
        ) => (args: { input: Input }) => Promise<unknown>,
        options: { step: 'initialize'; priority: 'high'; name: string },
      ): void;
    };
    stack.add(
      (_next, context) => async (args) => ({
        output: await answerer.answer(service, context.commandName, args.input),
        response: {},
      }),
      { step: 'initialize', priority: 'high', name: 'customsSnapshotAnswer' },
    );
  }
}
