import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { EcsCluster, EcsServicePlacement } from '../../types/ecs.js';
import { pinnedValue } from './placement-expression.js';

/** Fargate's capacity providers: one micro-VM per task, never a shared container instance. */
const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);
/** Instances registered outside any capacity provider, and external (ECS Anywhere) instances. */
const PLAIN = 'plain';
const EXTERNAL = 'external';
const MAX_NAMED = 10;

interface Placed {
  service: EcsServicePlacement;
  context: string | undefined;
  /** The instance pools its tasks may land on; empty on Fargate. `*`: any non-external instance. */
  pools: string[];
  /** The values `memberOf attribute:<key> == <value>` pins it to, joined; '' when not pinned. */
  pin: string;
}

function poolsOf(service: EcsServicePlacement, cluster: EcsCluster): string[] {
  if (service.launchType === 'FARGATE') return [];
  if (service.launchType === 'EXTERNAL') return [EXTERNAL];
  if (service.launchType === 'EC2') return ['*'];
  const providers =
    service.capacityProviders.length > 0
      ? service.capacityProviders
      : cluster.defaultCapacityProviderStrategy.map((item) => item.capacityProvider);
  // Neither a launch type nor a strategy: ECS places on the EC2 launch type.
  if (providers.length === 0) return ['*'];
  return providers.filter((name) => !FARGATE_PROVIDERS.has(name)).map((name) => `cp:${name}`);
}

function place(service: EcsServicePlacement, cluster: EcsCluster, key: string): Placed {
  const pins = new Set<string>();
  for (const constraint of service.placementConstraints) {
    const value = pinnedValue(constraint, key);
    if (value !== undefined) pins.add(value);
  }
  return {
    service,
    context: service.tags[key],
    pools: poolsOf(service, cluster),
    pin: [...pins].sort().join(' & '),
  };
}

function admits(placed: Placed, pool: string): boolean {
  return placed.pools.includes(pool) || (pool !== EXTERNAL && placed.pools.includes('*'));
}

/** The first service of each context, up to `limit` contexts. */
function representatives(
  members: Placed[],
  limit: number,
  into = new Map<string, Placed>(),
): Map<string, Placed> {
  for (const member of members) {
    if (into.size >= limit) break;
    if (member.context !== undefined && !into.has(member.context)) into.set(member.context, member);
  }
  return into;
}

function poolLabel(pool: string, pin: string, key: string): string {
  const where =
    pool === PLAIN
      ? 'EC2 instances outside any capacity provider'
      : pool === EXTERNAL
        ? 'external instances'
        : `capacity provider ${pool.slice(3)}`;
  return pin === '' ? where : `${where} with ${key}=${pin}`;
}

function named(names: string[]): string {
  const shown = names.slice(0, MAX_NAMED).join(', ');
  return names.length > MAX_NAMED ? `${shown} and ${names.length - MAX_NAMED} more` : shown;
}

/** Sharing pairs (bounded) and every service that shares with another context, pool by pool. */
function sharing(placed: Placed[], key: string): { pairs: string[]; involved: Set<Placed> } {
  const pairs: string[] = [];
  const seenPairs = new Set<string>();
  const involved = new Set<Placed>();
  const pools = new Set<string>([PLAIN, EXTERNAL]);
  for (const entry of placed) for (const pool of entry.pools) if (pool !== '*') pools.add(pool);
  for (const pool of pools) {
    const admitted = placed.filter((entry) => admits(entry, pool));
    const open = admitted.filter((entry) => entry.pin === '');
    const byPin = new Map<string, Placed[]>([['', []]]);
    for (const entry of admitted) {
      if (entry.pin === '') continue;
      const group = byPin.get(entry.pin);
      if (group) group.push(entry);
      else byPin.set(entry.pin, [entry]);
    }
    const openReps = representatives(open, MAX_NAMED + 1);
    let openInvolved = false;
    for (const [pin, pinned] of byPin) {
      const reps = representatives(pinned, MAX_NAMED + 1, new Map(openReps));
      if (reps.size < 2) continue;
      for (const member of pinned) involved.add(member);
      if (!openInvolved) for (const member of open) involved.add(member);
      openInvolved = true;
      const list = [...reps.values()];
      for (let i = 0; i < list.length && pairs.length < MAX_NAMED; i++) {
        for (let j = i + 1; j < list.length && pairs.length < MAX_NAMED; j++) {
          const [a, b] = [list[i] as Placed, list[j] as Placed];
          const id = [a.service.serviceName, b.service.serviceName].sort().join('\n');
          if (seenPairs.has(id)) continue;
          seenPairs.add(id);
          pairs.push(
            `${a.service.serviceName} (${a.context}) and ${b.service.serviceName} (${b.context}) on ${poolLabel(pool, pin, key)}`,
          );
        }
      }
    }
  }
  return { pairs, involved };
}

/**
 * Services of different security contexts (tag `isolationLabelKey`) must not be placeable on the
 * same container instances. Two services can share one when both can use an instance pool (the
 * EC2 launch type uses any registered instance, a capacity provider strategy its providers' Auto
 * Scaling groups; no launch type and no strategy means the cluster's default strategy, else EC2)
 * and their `memberOf` constraints do not pin them to different values of that attribute. Only an
 * expression that is exactly `attribute:<key> == <value>` counts as a pin; any other expression
 * (compound, another operator) counts as not separating. Fargate tasks each get a micro-VM.
 */
export const ecsClusterSecurityContextsSegregated = defineCheck({
  id: 'ecs-cluster-security-contexts-segregated',
  title: 'ECS clusters never place services of different security contexts on the same EC2 instances',
  resourceType: 'ecs-cluster',
  recommendation: 'CSA-2',
  severity: 'high',
  rationale:
    'Tasks on one container instance share its kernel, Docker daemon and instance role: a container escape in a low-trust service reaches every higher-trust task placed beside it. The CSA asks for one security context per host group.',
  remediation: {
    text: 'Give each security context its own capacity provider or container instances carrying the attribute, pin each service with a memberOf constraint "attribute:<key> == <context>", or run the sensitive services on Fargate.',
    cli: "aws ecs create-service --cluster <cluster> --service-name <service> --task-definition <family> --placement-constraints 'type=memberOf,expression=attribute:customs.io/security-context == <context>'",
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_service" "this" {\n  placement_constraints {\n    type       = "memberOf"\n    expression = "attribute:customs.io/security-context == payments"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html',
  },
  mappings: {},
  reads: ['services', 'defaultCapacityProviderStrategy'],
  evaluate(cluster, { config }) {
    const key = config.isolationLabelKey;
    if (cluster.services.length === 0) return notApplicable(`Cluster ${cluster.name} has no services`);
    const placed = cluster.services.map((service) => place(service, cluster, key));
    const untagged = placed
      .filter((entry) => entry.context === undefined)
      .map((entry) => entry.service.serviceName);
    const untaggedNote = untagged.length > 0 ? `; without ${key}: ${named(untagged)}` : '';
    const tagged = placed.filter((entry) => entry.context !== undefined);
    const { pairs, involved } = sharing(
      tagged.filter((entry) => entry.pools.length > 0),
      key,
    );
    if (pairs.length > 0) {
      return fail(
        `Cluster ${cluster.name}: ${involved.size} services of different security contexts (${key}) can be placed on the same container instances: ${pairs.join('; ')}${untaggedNote}`,
      );
    }
    const onFargate = placed.filter((entry) => entry.pools.length === 0);
    if (onFargate.length === placed.length) {
      return pass(
        `Cluster ${cluster.name}: all ${placed.length} service(s) run on Fargate, one micro-VM per task, so no two tasks share a kernel${untaggedNote}`,
      );
    }
    const contexts = [...new Set(tagged.map((entry) => entry.context as string))];
    if (contexts.length < 2) {
      const found = contexts.length === 1 ? `only ${key}=${contexts[0]}` : `no ${key} tag`;
      return notApplicable(
        `Cluster ${cluster.name} has fewer than two security contexts among its ${placed.length} services (${found})${untaggedNote}`,
      );
    }
    const fargateNote =
      onFargate.length > 0 ? `, ${onFargate.length} on Fargate (one micro-VM per task)` : '';
    return pass(
      `Cluster ${cluster.name} keeps its ${contexts.length} security contexts (${named(contexts)}) on separate container instances${fargateNote}${untaggedNote}`,
    );
  },
});
