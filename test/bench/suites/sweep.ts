import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DescribeImageSigningStatusCommand } from '@aws-sdk/client-ecr';
import {
  AwsCollector,
  createAwsClients,
  createLimiter,
  DEFAULT_REREAD_DAYS,
  type ImageFacts,
  type ImageReadLedger,
  iamCalls,
  incrementalEcrCalls,
  regionCalls,
  snapshotPath,
} from '@customs/aws';
import { createAnswerer, serveFromMiddleware } from '../../../packages/aws/test/live/helpers/mock-aws.js';
import {
  readSnapshotDir,
  type SnapshotFiles,
} from '../../../packages/aws/test/live/helpers/snapshot-files.js';
import { fmt } from '../measure.js';
import { benchEcsSweep } from './sweep-ecs.js';

const DEMO = fileURLToPath(new URL('../../../packages/local/snapshots/demo/', import.meta.url));
export const SIZE = { region: 'eu-west-1', repositories: 2000, images: 100_000, clusters: 20 };
const LATENCY_MS = 2;
const CONCURRENCY = { ecr: 64, eks: 8, ec2: 4, iam: 2 };

type Body = Record<string, unknown>;

/** 2,000 repositories of 50 images and 20 clusters (3 nodegroups, 5 access entries, a Fargate profile each), from the demo's bodies. */
export function generateAccount(): SnapshotFiles {
  const demo = readSnapshotDir(DEMO);
  const files: SnapshotFiles = new Map(
    [
      'ecr/DescribeRegistry.json',
      'ecr/GetRegistryScanningConfiguration.json',
      'ecr/DescribePullThroughCacheRules.json',
      'ec2/DescribeSubnets.json',
      'ec2/DescribeSecurityGroups.json',
      'iam/GetAccountAuthorizationDetails.json',
      'iam/GetAccountSummary.json',
      'iam/GetCredentialReport.json',
    ].map((path) => [path, demo.get(path)]),
  );
  const template = (path: string) => demo.get(path) as Body;
  const repository = (template('ecr/DescribeRepositories.json').repositories as Body[])[0] as Body;
  const image = (template('ecr/DescribeImages/team%2Fpayments-api.json').imageDetails as Body[])[0] as Body;
  const repositories = Array.from({ length: SIZE.repositories }, (_, index) => {
    const repositoryName = `team-${Math.floor(index / 100)}/service-${index}`;
    return {
      ...repository,
      repositoryName,
      repositoryArn: `arn:aws:ecr:eu-west-1:111122223333:repository/${repositoryName}`,
    };
  });
  files.set('ecr/DescribeRepositories.json', { repositories });
  const perRepository = SIZE.images / SIZE.repositories;
  for (const [number, { repositoryName }] of repositories.entries()) {
    // Each repository's own digests (an account's images are mostly distinct builds): the rolling
    // re-read spreads them by digest, which 50 digests shared by every repository would bunch up.
    const prefix = number.toString(16).padStart(4, '0');
    const imageDetails = Array.from({ length: perRepository }, (_, index) => ({
      ...image,
      repositoryName,
      imageDigest: `sha256:${prefix}${index.toString(16).padStart(4, '0')}${'0'.repeat(56)}`,
      imageTags: [`v1.${index}.0`],
    }));
    files.set(snapshotPath('ecr', 'DescribeImages', repositoryName), { imageDetails });
  }
  const cluster = template('eks/DescribeCluster/prod.json').cluster as Body;
  const nodegroup = template('eks/DescribeNodegroup/prod/general.json').nodegroup as Body;
  const profile = template('eks/DescribeFargateProfile/prod/batch-jobs.json');
  const entry = template(
    'eks/DescribeAccessEntry/prod/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fplatform-admins.json',
  ).accessEntry as Body;
  const templates = template('ec2/DescribeLaunchTemplateVersions/lt-0a1b2c3d4e5f60718.json');
  const clusters = Array.from({ length: SIZE.clusters }, (_, index) => `cluster-${index}`);
  files.set('eks/ListClusters.json', { clusters });
  for (const name of clusters) {
    files.set(snapshotPath('eks', 'DescribeCluster', name), {
      cluster: { ...cluster, name, arn: `arn:aws:eks:eu-west-1:111122223333:cluster/${name}` },
    });
    const nodegroups = ['a', 'b', 'c'].map((suffix) => `${name}-${suffix}`);
    files.set(snapshotPath('eks', 'ListNodegroups', name), { nodegroups });
    for (const nodegroupName of nodegroups) {
      const id = `lt-${nodegroupName}`;
      files.set(snapshotPath('eks', 'DescribeNodegroup', name, nodegroupName), {
        nodegroup: {
          ...nodegroup,
          clusterName: name,
          nodegroupName,
          nodegroupArn: `arn:aws:eks:eu-west-1:111122223333:nodegroup/${name}/${nodegroupName}/x`,
          launchTemplate: { id, version: '1' },
        },
      });
      files.set(snapshotPath('ec2', 'DescribeLaunchTemplateVersions', id), templates);
    }
    files.set(snapshotPath('eks', 'ListFargateProfiles', name), { fargateProfileNames: ['batch-jobs'] });
    files.set(snapshotPath('eks', 'DescribeFargateProfile', name, 'batch-jobs'), profile);
    const principals = Array.from(
      { length: 5 },
      (_, index) => `arn:aws:iam::111122223333:role/${name}-team-${index}`,
    );
    files.set(snapshotPath('eks', 'ListAccessEntries', name), { accessEntries: principals });
    for (const principalArn of principals) {
      files.set(snapshotPath('eks', 'DescribeAccessEntry', name, principalArn), {
        accessEntry: { ...entry, clusterName: name, principalArn },
      });
    }
  }
  return files;
}

/** Baseline: `calls` bare ECR sends (one signing-status read each) at the sweep's latency and concurrency. */
async function sdkSendsAlone(clients: ReturnType<typeof createAwsClients>, calls: number): Promise<number> {
  const limiter = createLimiter(CONCURRENCY.ecr);
  const input = { repositoryName: 'team-0/service-0', imageId: { imageDigest: 'sha256:0' } };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: calls }, () =>
      limiter.run(() => clients.ecr.send(new DescribeImageSigningStatusCommand(input))),
    ),
  );
  return performance.now() - start;
}

/** The image reads the store keeps (FindingsRepository.imageReadsOf / recordImageReads), in memory. */
class MemoryLedger implements ImageReadLedger {
  readonly #facts = new Map<string, Map<string, ImageFacts>>();

  /** A copy, so that two next days (two periods) start from the same first sweep. */
  copy(): MemoryLedger {
    const copy = new MemoryLedger();
    for (const [arn, facts] of this.#facts) copy.#facts.set(arn, new Map(facts));
    return copy;
  }

  async imageReadsOf(repositoryArn: string): Promise<ImageFacts[]> {
    return [...(this.#facts.get(repositoryArn)?.values() ?? [])];
  }

  async recordImageReads(repositoryArn: string, read: readonly ImageFacts[], gone: readonly string[]) {
    const facts = this.#facts.get(repositoryArn) ?? new Map<string, ImageFacts>();
    for (const each of read) facts.set(each.digest, each);
    for (const digest of gone) facts.delete(digest);
    this.#facts.set(repositoryArn, facts);
  }
}

/** ECR calls per second the README plans the sweep with. */
const ECR_RATE = 20;

/**
 * A sweep of a mocked account (2,000 repositories × 50 images, 20 clusters) with a fixed latency
 * per call: the calls made next to the fewest pagination allows (sweep/estimate.ts), and the wall
 * time next to calls × latency ÷ concurrency for ECR, the service that bounds it.
 */
export async function benchSweep(): Promise<string[]> {
  const files = generateAccount();
  // Images without signatures: AWS answers empty lists; inputs are not kept, to spare memory.
  const quiet = {
    emptyWhenMissing: ['ecr:DescribeImageSigningStatus', 'ecr:ListImageReferrers'],
    logInputs: false,
  };
  const aws = createAnswerer(files, { latencyMs: LATENCY_MS, ...quiet });
  const clients = createAwsClients({ region: SIZE.region });
  serveFromMiddleware(clients, aws);
  {
    const collector = await AwsCollector.open({
      clients,
      region: SIZE.region,
      accountId: '111122223333',
      concurrency: CONCURRENCY,
    });
    const ledger = new MemoryLedger();
    const firstDay = new Date('2026-12-01T03:00:00.000Z');
    const start = performance.now();
    const { resources } = await collector.collectAll({ imageReads: { ledger, now: firstDay } });
    const wallMs = performance.now() - start;
    const minimum = { ...regionCalls(SIZE), iam: iamCalls({ entities: 20 }) };
    minimum.ecr -= 1; // DescribeRegistry is not called when the account id is given
    const made = { ecr: 0, eks: 0, ec2: 0, iam: 0 } as Record<string, number>;
    for (const { action } of aws.sent) {
      const service = action.split(':')[0] ?? '';
      made[service] = (made[service] ?? 0) + 1;
    }
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((sum, count) => sum + count, 0);
    const ideal = ((made.ecr ?? 0) * LATENCY_MS) / CONCURRENCY.ecr;
    const lines = [
      `Sweep (AwsCollector.collectAll over mocked AWS: ${fmt(SIZE.repositories)} repositories × 50 images, ${SIZE.clusters} clusters, ${LATENCY_MS} ms a call)`,
    ];
    for (const service of ['ecr', 'eks', 'ec2', 'iam'] as const) {
      lines.push(
        `  ${service.padEnd(4)} ${fmt(made[service] ?? 0).padStart(8)} calls  minimum ${fmt(minimum[service]).padStart(8)}  ratio ${fmt((made[service] ?? 0) / minimum[service], 3)}  peak in flight ${collector.limiters[service].peak}/${CONCURRENCY[service]}`,
      );
    }
    lines.push(
      `  all  ${fmt(total(made)).padStart(8)} calls  minimum ${fmt(total(minimum)).padStart(8)}  ratio ${fmt(total(made) / total(minimum), 3)}  (${fmt(resources.length)} resources)`,
    );
    const sdkMs = await sdkSendsAlone(clients, made.ecr ?? 0);
    lines.push(
      `  wall ${fmt(wallMs).padStart(8)} ms     ECR calls × latency ÷ concurrency ${fmt(ideal)} ms  ratio ${fmt(wallMs / ideal, 2)}`,
      `                     the same ECR calls sent bare (SDK send + mock, same limiter) ${fmt(sdkMs)} ms  ratio ${fmt(wallMs / sdkMs, 2)}`,
    );
    lines.push(...(await steadyState(collector, ledger, aws.sent, firstDay, made.ecr ?? 0)));
    return [...lines, '', ...(await benchEcsSweep())];
  }
}

/**
 * The next day's sweep of the same account (nothing changed, so every listing is as recorded):
 * per-image reads only for the day's share of the rolling re-read, at the default period
 * (`DEFAULT_REREAD_DAYS`) and at 7 days, each next to `incrementalEcrCalls` (the new minimum) and
 * to the first sweep's (every image), and its time at the README's 20 ECR requests a second.
 */
async function steadyState(
  collector: AwsCollector,
  ledger: MemoryLedger,
  sent: { action: string }[],
  firstDay: Date,
  before: number,
): Promise<string[]> {
  const nextDay = new Date(firstDay.getTime() + 86_400_000);
  const minutes = (calls: number) => fmt(calls / ECR_RATE / 60, 1);
  const lines = [
    `  steady state (the next day, no listing changed: signing status and referrers only for the images due, by digest)`,
  ];
  for (const periodDays of [DEFAULT_REREAD_DAYS, 7]) {
    sent.splice(0);
    const start = performance.now();
    await collector.collectAll({ imageReads: { ledger: ledger.copy(), now: nextDay, periodDays } });
    const wallMs = performance.now() - start;
    const made = sent.filter((command) => command.action.startsWith('ecr:')).length;
    // DescribeRegistry is not called when the account id is given
    const minimum = incrementalEcrCalls(SIZE.repositories, SIZE.images, { periodDays }) - 1;
    const label = periodDays === DEFAULT_REREAD_DAYS ? `${periodDays} days (default)` : `${periodDays} days`;
    lines.push(
      `  ecr  ${fmt(made).padStart(8)} calls  minimum ${fmt(minimum).padStart(8)}  ratio ${fmt(made / minimum, 3)}  first sweep ${fmt(before)} (ratio ${fmt(made / before, 3)})  re-read every ${label}  wall ${fmt(wallMs)} ms`,
      `       at ${ECR_RATE} requests/s: ${minutes(made)} min  (first sweep ${minutes(before)} min; target 15 min, 10,000 calls: ${made <= 10_000 && made / ECR_RATE <= 900 ? 'met' : 'NOT met'})`,
    );
  }
  return lines;
}
