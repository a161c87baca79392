#!/usr/bin/env node
/**
 * `npm run hygiene`, the package hygiene that CI checks before the tests (README.md, "Development"):
 *
 * 1. dependency-cruiser (`.dependency-cruiser.cjs`): no import cycle, nothing unresolvable, no npm
 *    package the importing workspace does not declare, no devDependency in a package's source, no
 *    import into another workspace but through its public entry.
 * 2. the workspaces a file imports (`@customs/<name>`) are declared in its workspace's package.json
 *    (in `dependencies` for a package's src/ and bin/). dependency-cruiser resolves a workspace
 *    through its symlink to its source, so it does not tell a declared one from an undeclared one.
 * 3. knip (`knip.jsonc`): no unlisted or unused dependency, no unused file, no unused export.
 *
 * Exits 1 when any of them finds something, after running all three.
 * Usage: `node scripts/hygiene.mjs` (npm run hygiene).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
/** What dependency-cruiser reads: every workspace, the infra and the root's tests and scripts. */
const CRUISED = ['packages', 'functions', 'test', 'infra', 'sst.config.ts', 'scripts'];

function readJson(path) {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** Each workspace folder (relative, '' for the root) with its package.json. */
function workspaces() {
  const root = readJson('package.json');
  const folders = spawnSync('npm', ['query', '.workspace'], { cwd: ROOT, encoding: 'utf8' });
  if (folders.status !== 0) throw new Error(`npm query .workspace failed: ${folders.stderr}`);
  const found = JSON.parse(folders.stdout).map((entry) => relative(ROOT, entry.realpath ?? entry.path));
  return [['', root], ...found.map((folder) => [folder, readJson(join(folder, 'package.json'))])];
}

function cruise() {
  const run = spawnSync(
    join(BIN, 'depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...CRUISED],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error || !run.stdout) throw new Error(`dependency-cruiser did not run: ${run.error ?? run.stderr}`);
  return JSON.parse(run.stdout);
}

function describeViolation(violation) {
  const cycle = violation.cycle?.map((step) => step.name ?? step).join(' → ');
  return `  ${violation.rule.name}: ${violation.from} → ${cycle ? `${cycle}` : violation.to}`;
}

/** Imports of a workspace that the importing file's workspace does not declare (where it must). */
function undeclaredWorkspaces(result, folders) {
  const byLength = [...folders].sort(([a], [b]) => b.length - a.length);
  const problems = [];
  for (const module of result.modules) {
    const [folder, manifest] = byLength.find(([dir]) => dir === '' || module.source.startsWith(`${dir}/`));
    const inSource = folder !== '' && /^(src|bin)\//.test(module.source.slice(folder.length + 1));
    for (const dependency of module.dependencies) {
      if (!dependency.dependencyTypes.includes('aliased-workspace')) continue;
      const name = dependency.module.split('/').slice(0, 2).join('/');
      if (name === manifest.name) continue;
      const runtime = { ...manifest.dependencies, ...manifest.peerDependencies };
      const declared = inSource ? runtime : { ...runtime, ...manifest.devDependencies };
      if (name in declared) continue;
      const where = `${folder || '.'}/package.json`;
      const what =
        inSource && name in (manifest.devDependencies ?? {})
          ? 'declares only as a devDependency'
          : 'does not declare';
      problems.push(`  undeclared-workspace: ${module.source} imports ${name}, which ${where} ${what}`);
    }
  }
  return [...new Set(problems)];
}

const result = cruise();
const violations = result.summary.violations.map(describeViolation);
const undeclared = undeclaredWorkspaces(result, workspaces());
for (const [title, lines] of [
  ['dependency-cruiser', violations],
  ['workspace dependencies', undeclared],
]) {
  if (lines.length === 0) console.log(`✔ ${title}: no violations (${result.summary.totalCruised} modules)`);
  else console.log(`✘ ${title}: ${lines.length} violation(s)\n${lines.join('\n')}`);
}
const knip = spawnSync(join(BIN, 'knip'), ['--no-progress'], { cwd: ROOT, stdio: 'inherit' });
if (knip.status === 0) console.log('✔ knip: no unused or unlisted dependency, file or export');
process.exitCode = violations.length > 0 || undeclared.length > 0 || knip.status !== 0 ? 1 : 0;
