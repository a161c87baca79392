import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionName } from '../../../infra/permissions.js';
import { bundleHandler, HANDLERS, type HandlerBundle, sdkClientsOf } from '../../bundles/sst-bundle.js';
import { fmt } from '../measure.js';

/** Cold imports per bundle; the median is printed. */
const COLD_RUNS = 5;

/**
 * The bundles measured before the per-service readers, once, at ac6a71d (`git archive` of it,
 * bundled with the options of test/bundles/sst-bundle.ts), in bytes: every handler carried every SDK client and zod's locales.
 */
const BEFORE: Record<FunctionName, number> = {
  'on-ecr-event': 2_015_911,
  'on-eks-event': 2_015_911,
  'on-ecs-event': 2_015_911,
  'on-k8s-audit': 2_019_372,
  'on-iam-event': 2_015_911,
  sweep: 2_047_447,
  'sweep-worker': 2_013_891,
  'on-finding-change': 1_353_992,
  api: 1_255_450,
};

/** How each event handler's entry point makes its handler. */
const EVENT_HANDLER_ENTRIES: Partial<Record<FunctionName, string>> = {
  'on-ecr-event': 'createEventHandler',
  'on-eks-event': 'createEventHandler',
  'on-ecs-event': 'createEventHandler',
  'on-iam-event': 'createEventHandler',
  'on-k8s-audit': 'createAuditHandler',
};

/**
 * The same-run baseline of an event handler: its entry point as it was, with the collector of
 * every service's reader (`lambdaDependencies`, the sweep's). The other functions did not change
 * entry: their baseline is their own bundle.
 */
function everyReaderEntry(name: FunctionName): string | undefined {
  const create = EVENT_HANDLER_ENTRIES[name];
  if (!create) return undefined;
  const from = create === 'createAuditHandler' ? './audit-handler.js' : './event-handler.js';
  return [
    `import { ${create} } from '${from}';`,
    `import { lambdaDependencies } from './runtime/lambda-dependencies.js';`,
    `export const handler = ${create}('${name}', lambdaDependencies);`,
  ].join('\n');
}

/** Writes a bundle's files under `dir`; the path of its entry. */
function writeBundle(bundle: HandlerBundle, dir: string): string {
  for (const [file, contents] of bundle.files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), contents);
  }
  return path.join(dir, bundle.entry);
}

/** The environment a function starts with (infra/functions.ts), for importing its bundle. */
const START_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  CUSTOMS_TABLE_NAME: 'customs-bench',
  CUSTOMS_BUS_NAME: 'default',
  CUSTOMS_CURSOR_KEY: 'bench-cursor-key',
  CUSTOMS_SWEEP_FUNCTION_NAME: 'customs-bench-Sweep',
  CUSTOMS_SWEEP_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111122223333/customs-bench-SweepQueue',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * The median milliseconds of a cold `import()` of a bundle, each in a fresh Node.js process (what
 * a Lambda init does before the handler runs), after one unmeasured run that warms the disk cache.
 */
function coldImportMs(file: string): number {
  const script = [
    `const start = performance.now();`,
    `await import(${JSON.stringify(file)});`,
    `process.stdout.write(String(performance.now() - start));`,
  ].join('\n');
  const times: number[] = [];
  for (let run = 0; run <= COLD_RUNS; run++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, ...START_ENV },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`importing ${file} failed: ${child.stderr.slice(0, 400)}`);
    if (run > 0) times.push(Number(child.stdout));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const kb = (bytes: number): string => `${fmt(bytes / 1000)} KB`;

/**
 * `npm run bench bundles`: each function's bundle as SST builds it (test/bundles/sst-bundle.ts):
 * what a cold start loads of it (the entry and its static chunks) next to the same run's one-file
 * bundle of the same entry (SST's default, unsplit: the deployed bundle before splitting), the
 * every-reader bundle of the same entry (the event handlers' collector before the per-service
 * readers) and the size measured before either; the whole split bundle (what is deployed), the SDK
 * clients it loads at start, and the median time of a cold import in a child process, split and
 * one-file (printed, never asserted). Target (issue 19, item 6): ≤ 1 MB (1,000,000 bytes) loaded.
 */
export async function benchBundles(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'customs-bundles-'));
  const lines = [
    'Lambda bundles (esbuild as SST 4 bundles: ESM, minified, @aws-sdk bundled, split); target ≤ 1 MB loaded at a cold start',
    `  ${'function'.padEnd(18)} ${'loaded'.padStart(9)} ${'one file'.padStart(9)} ${'every reader'.padStart(13)} ${'before'.padStart(9)} ${'all files'.padStart(10)}  ${'cold import (one file)'.padEnd(24)} SDK clients loaded at start`,
  ];
  try {
    for (const name of HANDLERS) {
      const now = await bundleHandler(name);
      const oneFile = await bundleHandler(name, undefined, false);
      const entry = everyReaderEntry(name);
      const everyReader = entry === undefined ? oneFile : await bundleHandler(name, entry, false);
      const coldNow = coldImportMs(writeBundle(now, path.join(dir, name)));
      const coldOneFile = coldImportMs(writeBundle(oneFile, path.join(dir, `${name}.one-file`)));
      const verdict = now.bytes <= 1_000_000 ? 'ok' : 'OVER';
      const loadedClients = sdkClientsOf(now, 'loaded');
      lines.push(
        `  ${name.padEnd(18)} ${kb(now.bytes).padStart(9)} ${kb(oneFile.bytes).padStart(9)} ${kb(everyReader.bytes).padStart(13)} ${kb(BEFORE[name]).padStart(9)} ${kb(now.totalBytes).padStart(10)}  ` +
          `${`${fmt(coldNow, 1)} ms (${fmt(coldOneFile, 1)} ms)`.padEnd(24)} ${loadedClients.join(' ')}  ${verdict}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push(
    '  loaded: the entry and the chunks it imports statically; an import() (STS, Organizations, the SDK credential',
    '  providers) is its own chunk, loaded when first called; all files: the deployed code, those chunks included;',
    "  one file: the same entry unsplit (SST's default) and every reader: the collector of every service, both this run;",
    '  before: measured at ac6a71d, before the per-service readers and the zod namespace import.',
    '  OVER: the EC2 client is ~560 KB in any bundle that reads EKS nodegroups (packages/aws README, "Bundles").',
  );
  return lines;
}
