import {
  type CapacityProvider,
  type Cluster,
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  type DescribeTaskDefinitionResponse,
  DescribeTasksCommand,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitions,
  paginateListTasks,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import { asNotFound, missingTaskDefinition } from '../live/aws-errors.js';
import { lastName } from '../normalise/ecs-common.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import { PAGE } from '../registry/call-info.js';
import type { ReadContext } from './context.js';

/**
 * The ECS calls, each over the session (live or snapshot alike). A batched call for the sweep
 * reads every item (recorded: the snapshot's file); for a ref it is a `variant` of the same call
 * (never recorded), and a snapshot answers it with the whole file, which is filtered here, so both
 * give the same answer.
 */

function known<T, U>(body: Known<T>, pick: (value: T) => U): Known<U> {
  if (body === undefined) return undefined;
  return isUnreadable(body) ? body : pick(body as T);
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Matches an entry by its name or ARN (ECS takes either). */
function named(wanted: ReadonlySet<string>, name: string | undefined, arn: string | undefined): boolean {
  return (name !== undefined && wanted.has(name)) || (arn !== undefined && wanted.has(arn));
}

/** The region's cluster names (ListClusters, 100 a page). */
export async function listEcsClusters(context: ReadContext): Promise<Known<string[]>> {
  const body = await context.session.paginate({ service: 'ecs', operation: 'ListClusters' }, (aws) =>
    paginateListClusters({ client: aws.ecs, pageSize: PAGE.ecs }, {}),
  );
  return known(body, (value) => (value.clusterArns ?? []).map(lastName));
}

/**
 * DescribeClusters (settings, configurations, tags) of the clusters named, 100 a call; `all`
 * for the sweep (the region's file), else a filtered read. Clusters it reports as failures
 * (MISSING) are left out.
 */
export async function describeEcsClusters(
  context: ReadContext,
  names: string[],
  all: boolean,
): Promise<Known<Wire<Cluster>[]>> {
  if (names.length === 0) return [];
  const body = await context.session.read(
    { service: 'ecs', operation: 'DescribeClusters', ...(all ? {} : { variant: names.join(',') }) },
    (limited, aws) =>
      Promise.all(
        batches(names, PAGE.ecsClusters).map((clusters) =>
          limited(() =>
            aws.ecs.send(
              new DescribeClustersCommand({ clusters, include: ['SETTINGS', 'CONFIGURATIONS', 'TAGS'] }),
            ),
          ),
        ),
      ),
  );
  const wanted = new Set(names);
  return known(body, (value) =>
    (value.clusters ?? []).filter((cluster) => named(wanted, cluster.clusterName, cluster.clusterArn)),
  );
}

/** DescribeCapacityProviders of the names given (10 a call: its page size); none asked, none read. */
export async function describeCapacityProviders(
  context: ReadContext,
  names: string[],
  all: boolean,
): Promise<Known<Wire<CapacityProvider>[]>> {
  if (names.length === 0) return [];
  const body = await context.session.read(
    { service: 'ecs', operation: 'DescribeCapacityProviders', ...(all ? {} : { variant: names.join(',') }) },
    (limited, aws) =>
      Promise.all(
        batches(names, PAGE.ecsCapacityProviders).map((capacityProviders) =>
          limited(() =>
            aws.ecs.send(
              new DescribeCapacityProvidersCommand({
                capacityProviders,
                maxResults: PAGE.ecsCapacityProviders,
              }),
            ),
          ),
        ),
      ),
  );
  const wanted = new Set(names);
  return known(body, (value) =>
    (value.capacityProviders ?? []).filter((provider) =>
      named(wanted, provider.name, provider.capacityProviderArn),
    ),
  );
}

/** A cluster's service ARNs (ListServices, 100 a page). */
export async function listEcsServices(context: ReadContext, cluster: string): Promise<Known<string[]>> {
  const body = await context.session.paginate(
    { service: 'ecs', operation: 'ListServices', keys: [cluster] },
    (aws) => paginateListServices({ client: aws.ecs, pageSize: PAGE.ecs }, { cluster }),
  );
  return known(body, (value) => value.serviceArns ?? []);
}

/**
 * DescribeServices (tags) of a cluster's services, 10 a call; `all` when `services` is every one
 * ListServices gave (the cluster's file), else a filtered read. Failures (MISSING) are left out.
 */
export async function describeEcsServices(
  context: ReadContext,
  cluster: string,
  services: string[],
  all: boolean,
): Promise<Known<Wire<Service>[]>> {
  if (services.length === 0) return [];
  const body = await context.session.read(
    {
      service: 'ecs',
      operation: 'DescribeServices',
      keys: [cluster],
      ...(all ? {} : { variant: services.join(',') }),
    },
    (limited, aws) =>
      Promise.all(
        batches(services, PAGE.ecsServices).map((batch) =>
          limited(() =>
            aws.ecs.send(new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] })),
          ),
        ),
      ),
  );
  const wanted = new Set([...services, ...services.map(lastName)]);
  return known(body, (value) =>
    (value.services ?? []).filter((service) => named(wanted, service.serviceName, service.serviceArn)),
  );
}

/**
 * The region's ACTIVE revisions (`family:revision`), from ListTaskDefinitions (ACTIVE is its
 * default status; 100 a page): the cheapest exact way to every family's latest (see README).
 */
export async function listActiveRevisions(context: ReadContext): Promise<Known<string[]>> {
  const body = await context.session.paginate({ service: 'ecs', operation: 'ListTaskDefinitions' }, (aws) =>
    paginateListTaskDefinitions({ client: aws.ecs, pageSize: PAGE.ecs }, { status: 'ACTIVE' }),
  );
  return known(body, (value) => (value.taskDefinitionArns ?? []).map(lastName));
}

/**
 * The ACTIVE revisions of one family (a ref): ListTaskDefinitions with the family as prefix,
 * newest first, pages of 100 until the first page that reaches past the family (a prefix also
 * matches longer families, which DESC lists first). A snapshot answers with the whole file.
 */
export async function listFamilyRevisions(context: ReadContext, family: string): Promise<Known<string[]>> {
  const body = await context.session.paginate(
    { service: 'ecs', operation: 'ListTaskDefinitions', variant: `family=${family}` },
    (aws) => pagesUntilPast(family, aws.ecs),
  );
  return known(body, (value) =>
    (value.taskDefinitionArns ?? []).map(lastName).filter((name) => name.startsWith(`${family}:`)),
  );
}

async function* pagesUntilPast(family: string, client: import('@aws-sdk/client-ecs').ECSClient) {
  const pages = paginateListTaskDefinitions(
    { client, pageSize: PAGE.ecs },
    { familyPrefix: family, status: 'ACTIVE', sort: 'DESC' },
  );
  for await (const page of pages) {
    yield page;
    const names = (page.taskDefinitionArns ?? []).map(lastName);
    // DESC: longer families with this prefix come first; once one of ours was listed, the latest is known
    if (names.some((name) => name.startsWith(`${family}:`))) return;
  }
}

/** DescribeTaskDefinition (tags) of `family:revision`; undefined when ECS cannot describe it. */
export async function describeTaskDefinition(
  context: ReadContext,
  taskDefinition: string,
): Promise<Known<Wire<DescribeTaskDefinitionResponse>>> {
  const body = await context.session.send(
    { service: 'ecs', operation: 'DescribeTaskDefinition', keys: [taskDefinition] },
    (aws) =>
      aws.ecs
        .send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }))
        .catch((error: unknown) => {
          throw missingTaskDefinition(error) ? asNotFound(error) : error;
        }),
  );
  return body === undefined || isUnreadable(body) || body.taskDefinition ? body : undefined;
}

/**
 * The tasks desired RUNNING in a cluster (ListTasks, 100 a page, then DescribeTasks, 100 a
 * call), or of one family's (a ref: a filtered read; a snapshot's whole file is filtered here).
 */
export async function readRunningTasks(
  context: ReadContext,
  cluster: string,
  family?: string,
): Promise<Known<Wire<Task>[]>> {
  const { session } = context;
  const variant = family === undefined ? {} : { variant: `family=${family}` };
  const listed = await session.paginate(
    { service: 'ecs', operation: 'ListTasks', keys: [cluster], ...variant },
    (aws) =>
      paginateListTasks(
        { client: aws.ecs, pageSize: PAGE.ecs },
        { cluster, desiredStatus: 'RUNNING', ...(family === undefined ? {} : { family }) },
      ),
  );
  if (listed === undefined || isUnreadable(listed)) return listed;
  const arns = listed.taskArns ?? [];
  if (arns.length === 0) return [];
  const body = await session.read(
    { service: 'ecs', operation: 'DescribeTasks', keys: [cluster], ...variant },
    (limited, aws) =>
      Promise.all(
        batches(arns, PAGE.ecsTasks).map((tasks) =>
          limited(() => aws.ecs.send(new DescribeTasksCommand({ cluster, tasks }))),
        ),
      ),
  );
  return known(body, (value) =>
    (value.tasks ?? []).filter(
      (task) =>
        task.desiredStatus !== 'STOPPED' &&
        (family === undefined || lastName(task.taskDefinitionArn ?? '').startsWith(`${family}:`)),
    ),
  );
}
