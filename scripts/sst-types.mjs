#!/usr/bin/env node
/**
 * Installs SST's platform types into `.sst/platform` so that `tsc -p tsconfig.infra.json` checks
 * `sst.config.ts` and `infra/` against the real `sst.aws.*` components and the Pulumi AWS provider,
 * without AWS credentials: `sst install` only needs the npm registry (it runs `bun install`).
 *
 * - bun comes from the `bun` devDependency, linked as `$XDG_CONFIG_HOME/sst/bin/bun`, where SST
 *   looks for it (so it never downloads one); `XDG_CONFIG_HOME` is `.config/` in the repo (gitignored).
 * - nested `@types/node` copies under `.sst/platform/node_modules/<pkg>/node_modules` are removed,
 *   so the program holds one version of Node's globals besides the repo's own.
 * - idempotent: a marker records the SST version it was done for; a second run returns at once.
 *
 * Usage: `node scripts/sst-types.mjs [--force]` (npm run sst:types).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const platformDir = path.join(root, '.sst', 'platform');
const configHome = path.join(root, '.config');
const marker = path.join(platformDir, '.customs-types');

function fail(message) {
  console.error(`sst-types: ${message}`);
  process.exit(1);
}

function installedSstVersion() {
  const manifest = path.join(root, 'node_modules', 'sst', 'package.json');
  if (!existsSync(manifest)) fail('node_modules/sst is missing: run `npm ci` first');
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function isUpToDate(version) {
  return (
    existsSync(marker) &&
    readFileSync(marker, 'utf8').trim() === version &&
    existsSync(path.join(platformDir, 'config.d.ts')) &&
    existsSync(path.join(platformDir, 'node_modules', '@pulumi', 'aws', 'package.json'))
  );
}

function runs(binary) {
  return existsSync(binary) && spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The bun binary npm installed: `bun/bin/bun.exe` after its postinstall, else the platform package's. */
function findBun() {
  const bunManifest = path.join(root, 'node_modules', 'bun', 'package.json');
  if (!existsSync(bunManifest)) fail('node_modules/bun is missing: run `npm ci` first');
  const candidates = [path.join(root, 'node_modules', 'bun', 'bin', 'bun.exe')];
  const require = createRequire(bunManifest);
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;
  for (const variant of ['', '-baseline', '-musl', '-musl-baseline']) {
    const name = `@oven/bun-${os}-${arch}${variant}`;
    try {
      const dir = path.dirname(require.resolve(`${name}/package.json`));
      candidates.push(path.join(dir, 'bin', process.platform === 'win32' ? 'bun.exe' : 'bun'));
    } catch {
      // this variant is not installed for this machine
    }
  }
  const found = candidates.find(runs);
  if (!found) fail(`no runnable bun binary among:\n  ${candidates.join('\n  ')}`);
  return found;
}

function linkBun(binary) {
  const binDir = path.join(configHome, 'sst', 'bin');
  mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, process.platform === 'win32' ? 'bun.exe' : 'bun');
  rmSync(link, { force: true });
  symlinkSync(path.relative(binDir, binary), link);
}

function sstInstall() {
  const sst = path.join(root, 'node_modules', 'sst', 'bin', 'sst.mjs');
  const result = spawnSync(process.execPath, [sst, 'install', '--stage', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      XDG_CONFIG_HOME: configHome,
      SST_SKIP_DEPENDENCY_CHECK: '1',
      SST_TELEMETRY_DISABLED: '1',
    },
  });
  if (result.status !== 0) fail(`\`sst install\` exited with ${result.status ?? result.signal}`);
}

/** `node_modules/<pkg>/node_modules/@types/node` and `node_modules/@scope/<pkg>/node_modules/@types/node`. */
function pruneNestedNodeTypes() {
  const modules = path.join(platformDir, 'node_modules');
  const packageDirs = readdirSync(modules).flatMap((entry) =>
    entry.startsWith('@')
      ? readdirSync(path.join(modules, entry)).map((name) => path.join(modules, entry, name))
      : [path.join(modules, entry)],
  );
  let removed = 0;
  for (const dir of packageDirs) {
    const nested = path.join(dir, 'node_modules', '@types', 'node');
    if (existsSync(nested)) {
      rmSync(nested, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

const version = installedSstVersion();
if (isUpToDate(version) && !process.argv.includes('--force')) process.exit(0);

const started = Date.now();
linkBun(findBun());
sstInstall();
const removed = pruneNestedNodeTypes();
writeFileSync(marker, `${version}\n`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `sst-types: SST ${version} platform types in .sst/platform (${seconds}s, ${removed} nested @types/node removed)`,
);
