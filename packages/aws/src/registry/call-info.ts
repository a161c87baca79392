import type * as z from 'zod';
import { DEFAULT_PAGE_LIMIT } from '../kubernetes/constants.js';

/**
 * What the sweep counts calls by: the region, the account, or the items of a resource type or of
 * a part one is read with (a Fargate profile, a launch template).
 */
export type Entity =
  | 'region'
  | 'account'
  | 'ecr-repository'
  | 'ecr-image'
  | 'eks-cluster'
  | 'eks-nodegroup'
  | 'eks-fargate-profile'
  | 'eks-access-entry'
  | 'ec2-launch-template'
  | 'ecs-cluster'
  | 'ecs-capacity-provider'
  | 'ecs-service'
  | 'ecs-task-definition'
  | 'ecs-revision'
  | 'ecs-task'
  | 'ecs-role'
  | 'ecs-role-policy'
  | 'ecs-managed-policy'
  | 'iam-entity'
  | 'iam-user'
  | 'k8s-object';

/** The largest pages and batches the readers ask for (the services' maxima). */
export const PAGE = {
  ecr: 1000,
  scanningBatch: 25,
  eks: 100,
  ec2: 1000,
  launchTemplate: 200,
  iam: 1000,
  /** ECS lists (ListClusters, ListServices, ListTaskDefinitions, ListTasks): 100 a page. */
  ecs: 100,
  /** DescribeClusters and DescribeTasks: 100 a call; DescribeServices: 10 a call. */
  ecsClusters: 100,
  ecsTasks: 100,
  ecsServices: 10,
  /** DescribeCapacityProviders: up to 100 names a call (pages of 10, so names are sent 10 at a time). */
  ecsCapacityProviders: 10,
  /** Inspector2 ListCoverage: up to 200 covered resources a page (`maxResults`). */
  inspectorCoverage: 200,
  /** The Kubernetes client's `limit` per page of a list (`continue` for the next): its own constant. */
  kubernetes: DEFAULT_PAGE_LIMIT,
} as const;

/**
 * One API operation the readers can make (or, `stored`, that only a snapshot holds): the body it
 * gives, how a snapshot stores it, and how often the sweep makes it.
 */
export interface CallInfo<Body = unknown> {
  /**
   * The keys of its snapshot file, by what they hold (docs/snapshot.md's `<repo>`, `<digest>`…):
   * none for an account- or region-wide file.
   */
  keys: readonly string[];
  /**
   * Validates the file's body (the fields the readers and normalisers use); none for an operation
   * with no file of its own (GenerateCredentialReport, part of the credential report's read).
   */
  schema?: z.ZodType<Body>;
  /**
   * What a snapshot without the file says: `absent` (the service's not-found: none, no policy, a
   * deleted resource), or `not-recorded` (unknown: what it reads is reported as ERROR, naming the
   * file). By default a per-resource file is `absent`, an account- or region-wide one `not-recorded`.
   */
  missing?: 'absent' | 'not-recorded';
  /** How the sweep counts it: once per `per`, times its pages or batches of `of`. */
  per: Entity;
  pages?: { of: Entity; size: number };
  batches?: { of: Entity; size: number };
  /** Not made by a sweep that has the credential report (the per-user fallback). */
  fallback?: true;
  /** Only a snapshot holds it; the live readers never call it. */
  stored?: true;
  /** The IAM action that authorizes it, when it is not `<service>:<Operation>`. */
  action?: string;
  /**
   * A Kubernetes API read: `GET <path>` on the cluster's endpoint (the EKS cluster of its
   * `cluster` key), authorized inside the cluster (the EKS access entry's access policy, i.e.
   * Kubernetes RBAC), not by IAM. It has NO IAM action: the IAM policy (`iamPolicy`,
   * `readActions`, `actionsOfType`) leaves it out, and so must anything that derives IAM
   * permissions from the calls (infra/permissions, the derived-permissions test).
   * @example CALLS.k8s.ListPods.inCluster.path // '/api/v1/pods'
   */
  inCluster?: { path: string };
  /** A phantom field that carries the body type (never set). */
  body?: Body;
}

/** Declares a call whose body is `Body`: the schema must validate into it. */
export const call =
  <Body>() =>
  <const Info extends CallInfo<Body>>(info: Info): Info & { body?: Body } =>
    info;
