import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AwsCollector, createAwsClients, planSweep, type SweepUnit } from '@customs/aws';
import { evaluateAll } from '@customs/core';
import { DEFAULT_SWEEP_RATES } from '@customs/pipeline';
import { createAnswerer, serveFromMiddleware } from '../../../packages/aws/test/live/helpers/mock-aws.js';
import { fmt, peakRss } from '../measure.js';
import { generateAccount, SIZE } from './sweep.js';

/** The memory docs/cost.md sizes the sweep's Lambda functions at (`infra/functions.ts`: 1024 MB). */
const LAMBDA_MIB = 1024;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CUSTOMS = join(ROOT, 'packages/local/bin/customs.js');
const RUN = join(ROOT, 'test/bench/run.ts');

/** The large mocked account's bodies as a snapshot directory (what `customs record` would write). */
function writeSnapshot(dir: string): void {
  writeFileSync(
    join(dir, 'account.json'),
    JSON.stringify({ accountId: '111122223333', region: SIZE.region }),
  );
  for (const [path, body] of generateAccount()) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(body));
  }
}

/**
 * The largest slice of repositories the planner gives one worker in the first sweep of the large
 * account (every image read: the most a slice holds), as the split sweep runs it on Lambda.
 */
function largestRepositoryUnit(): Extract<SweepUnit, { service: 'ecr-repositories' }> {
  const plan = planSweep(
    [{ region: SIZE.region, repositories: SIZE.repositories, images: SIZE.images, clusters: SIZE.clusters }],
    { entities: 500 },
    DEFAULT_SWEEP_RATES,
  );
  const slices = plan.units.filter(
    (unit): unit is Extract<SweepUnit, { service: 'ecr-repositories' }> =>
      unit.service === 'ecr-repositories',
  );
  const [largest] = slices.sort((a, b) => b.count - a.count);
  if (!largest) throw new Error('the large account fits one invocation: no unit to measure');
  return largest;
}

/** The mocked large account's collector, its AWS answered from memory. */
async function largeAccountCollector(): Promise<AwsCollector> {
  const aws = createAnswerer(generateAccount(), {
    latencyMs: 0,
    emptyWhenMissing: ['ecr:DescribeImageSigningStatus', 'ecr:ListImageReferrers'],
    logInputs: false,
  });
  const clients = createAwsClients({ region: SIZE.region });
  serveFromMiddleware(clients, aws);
  return AwsCollector.open({
    clients,
    region: SIZE.region,
    accountId: '111122223333',
    concurrency: { ecr: 64, eks: 8, ec2: 4, iam: 2 },
  });
}

/**
 * Child-process work for `benchMemory` (`tsx test/bench/run.ts --child <name>`): `mock` only builds
 * the mocked account's bodies (the share of the sweep's peak that is the mock's, not Customs');
 * `sweep` builds them, collects the account through the collector and evaluates it, as one sweep
 * of the whole account in one function would.
 */
export const MEMORY_CHILDREN: Record<string, () => Promise<void>> = {
  async mock() {
    const files = generateAccount();
    if (files.size === 0) throw new Error('no bodies');
  },
  async sweep() {
    const collector = await largeAccountCollector();
    const { resources } = await collector.collectAll();
    const findings = evaluateAll(resources);
    if (findings.length < SIZE.images) throw new Error(`only ${findings.length} findings`);
  },
  async 'sweep-unit'() {
    const unit = largestRepositoryUnit();
    const collector = await largeAccountCollector();
    const { resources } = await collector.collectUnit(unit);
    const findings = evaluateAll(resources);
    if (findings.length < unit.count) throw new Error(`only ${findings.length} findings`);
  },
};

function line(label: string, peakMiB: number, exitCode: number | null, wallMs: number, extra = ''): string {
  const status = exitCode === 0 ? '' : `  FAILED (exit ${exitCode})`;
  return (
    `  ${label.padEnd(46)} peak RSS ${fmt(peakMiB).padStart(6)} MiB  limit ${fmt(LAMBDA_MIB)} MiB  ` +
    `ratio ${fmt(peakMiB / LAMBDA_MIB, 2)}  (${fmt(wallMs / 1000, 1)} s${extra})${status}`
  );
}

/**
 * Peak resident memory, each measured by the child process itself (`process.resourceUsage().maxRSS`),
 * next to the 1,024 MB the sweep's Lambda functions have (docs/cost.md): `customs scan` of the large
 * mocked account written as a snapshot (2,000 repositories × 50 images, 20 clusters: over 100,000
 * resources), and the sweep of the same account over mocked AWS, with the mock's own share beside it.
 */
export async function benchMemory(): Promise<string[]> {
  const lines = [
    `Memory (peak RSS of a child process; ${fmt(SIZE.repositories)} repositories × 50 images, ${SIZE.clusters} clusters)`,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'customs-bench-snapshot-'));
  try {
    writeSnapshot(dir);
    for (const format of ['table', 'json']) {
      const scan = await peakRss([CUSTOMS, 'scan', '--snapshot', dir, '--format', format]);
      lines.push(
        line(`customs scan --snapshot DIR --format ${format}`, scan.peakMiB, scan.exitCode, scan.wallMs),
      );
      if (scan.exitCode !== 0) lines.push(`    ${scan.stderr.split('\n')[0]}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const tsx = ['--import', 'tsx', RUN, '--child'];
  const mock = await peakRss([...tsx, 'mock']);
  const sweep = await peakRss([...tsx, 'sweep']);
  const unit = await peakRss([...tsx, 'sweep-unit']);
  const slice = largestRepositoryUnit();
  lines.push(
    line('sweep in one function: collectAll + evaluateAll', sweep.peakMiB, sweep.exitCode, sweep.wallMs),
    line(
      `sweep's largest unit (${fmt(slice.count)} repositories), a worker's`,
      unit.peakMiB,
      unit.exitCode,
      unit.wallMs,
    ),
    line('  of which the mock (its bodies alone)', mock.peakMiB, mock.exitCode, mock.wallMs),
    "  the large account's sweep is split (it does not fit one invocation): each worker holds one unit",
  );
  for (const failed of [sweep, unit, mock].filter((each) => each.exitCode !== 0)) {
    lines.push(`    ${failed.stderr.split('\n')[0]}`);
  }
  return lines;
}
