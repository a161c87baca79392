import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder (packages/dashboard), from src/node/. */
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const DIST_DIR = join(PACKAGE_DIR, 'dist');
/** Written by every build (vite.config.ts): the package version it was built from. */
const STAMP = 'build-stamp.json';

async function packageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** The newest modification time of what a build reads: src/ui/, vite.config.ts, package.json. */
async function newestSource(): Promise<number> {
  const ui = join(PACKAGE_DIR, 'src', 'ui');
  const files = (await readdir(ui, { recursive: true })).slice(0, 1000).map((file) => join(ui, file));
  const times = await Promise.all(
    [...files, join(PACKAGE_DIR, 'vite.config.ts'), join(PACKAGE_DIR, 'package.json')].map(
      async (file) => (await stat(file)).mtimeMs,
    ),
  );
  return Math.max(...times);
}

/**
 * Whether dist/ holds a finished build (index.html and its stamp) of this version, newer than
 * every source file (an edited checkout rebuilds).
 */
async function isBuilt(version: string): Promise<boolean> {
  try {
    const stampFile = join(DIST_DIR, STAMP);
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as { version?: unknown };
    await readFile(join(DIST_DIR, 'index.html'));
    return stamp.version === version && (await stat(stampFile)).mtimeMs >= (await newestSource());
  } catch {
    return false;
  }
}

/** Builds the UI with Vite into `outDir`, as `npm run build` does into dist/ (vite.config.ts). */
async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(PACKAGE_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

let building: Promise<string> | undefined;

/**
 * The absolute path of the built UI (index.html and assets/), building it first with Vite when
 * dist/ is missing, was built from another version of this package, or is older than its sources. A build goes to a folder
 * of its own, renamed to dist/ when complete, so two processes starting at once never serve half
 * a build; one process builds at most once.
 * @example const dir = await dashboardAssets(); // …/packages/dashboard/dist
 */
export function dashboardAssets(): Promise<string> {
  building ??= (async function ensureBuilt() {
    const version = await packageVersion();
    if (await isBuilt(version)) return DIST_DIR;
    const outDir = join(PACKAGE_DIR, `dist.building-${process.pid}-${Date.now()}`);
    try {
      await buildInto(outDir);
      // Another process finished first: keep its build, which may be serving already.
      if (await isBuilt(version)) return DIST_DIR;
      await rm(DIST_DIR, { recursive: true, force: true });
      await rename(outDir, DIST_DIR).catch(async (error: NodeJS.ErrnoException) => {
        // Another process renamed its build in between: keep that one if it is complete.
        if (!(await isBuilt(version))) throw error;
      });
      return DIST_DIR;
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  })().catch((error: unknown) => {
    building = undefined;
    throw new Error(`The dashboard could not be built: ${(error as Error).message}`, { cause: error });
  });
  return building;
}
