import type * as ecs from '@aws-sdk/client-ecs';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

const CLUSTER = ['cluster'] as const;

/**
 * The calls of Amazon ECS, by operation (see CALLS). Region-wide files hold what AWS answers in
 * batches (DescribeClusters, DescribeCapacityProviders); per-cluster files what one cluster's
 * batches answer (DescribeServices, DescribeTasks). Entities: `ecs-revision` is every ACTIVE
 * revision listed, `ecs-task-definition` the revisions assessed (latest ACTIVE or in use).
 */
export const ECS_CALLS = {
  ListClusters: call<Wire<ecs.ListClustersResponse>>()({
    keys: [],
    schema: schemas.ecs.listClusters,
    missing: 'absent',
    per: 'region',
    pages: { of: 'ecs-cluster', size: PAGE.ecs },
  }),
  DescribeClusters: call<Wire<ecs.DescribeClustersResponse>>()({
    keys: [],
    schema: schemas.ecs.describeClusters,
    per: 'region',
    batches: { of: 'ecs-cluster', size: PAGE.ecsClusters },
  }),
  DescribeCapacityProviders: call<Wire<ecs.DescribeCapacityProvidersResponse>>()({
    keys: [],
    schema: schemas.ecs.describeCapacityProviders,
    // a snapshot without it knows the capacity providers by the names the clusters give
    missing: 'absent',
    per: 'region',
    batches: { of: 'ecs-capacity-provider', size: PAGE.ecsCapacityProviders },
  }),
  ListServices: call<Wire<ecs.ListServicesResponse>>()({
    keys: CLUSTER,
    schema: schemas.ecs.listServices,
    missing: 'not-recorded',
    per: 'ecs-cluster',
    pages: { of: 'ecs-service', size: PAGE.ecs },
  }),
  DescribeServices: call<Wire<ecs.DescribeServicesResponse>>()({
    keys: CLUSTER,
    schema: schemas.ecs.describeServices,
    missing: 'not-recorded',
    per: 'ecs-cluster',
    batches: { of: 'ecs-service', size: PAGE.ecsServices },
  }),
  ListTaskDefinitions: call<Wire<ecs.ListTaskDefinitionsResponse>>()({
    keys: [],
    schema: schemas.ecs.listTaskDefinitions,
    per: 'region',
    pages: { of: 'ecs-revision', size: PAGE.ecs },
  }),
  DescribeTaskDefinition: call<Wire<ecs.DescribeTaskDefinitionResponse>>()({
    keys: ['taskDefinition'],
    schema: schemas.ecs.describeTaskDefinition,
    per: 'ecs-task-definition',
  }),
  ListTasks: call<Wire<ecs.ListTasksResponse>>()({
    keys: CLUSTER,
    schema: schemas.ecs.listTasks,
    missing: 'not-recorded',
    per: 'ecs-cluster',
    pages: { of: 'ecs-task', size: PAGE.ecs },
  }),
  DescribeTasks: call<Wire<ecs.DescribeTasksResponse>>()({
    keys: CLUSTER,
    schema: schemas.ecs.describeTasks,
    missing: 'not-recorded',
    per: 'ecs-cluster',
    batches: { of: 'ecs-task', size: PAGE.ecsTasks },
  }),
} as const;
