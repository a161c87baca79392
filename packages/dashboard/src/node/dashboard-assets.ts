import { readFile, rename, rm } from 'node:fs/promises';
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

/** Whether dist/ holds a finished build of this version (index.html and its stamp). */
async function isBuilt(version: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(join(DIST_DIR, STAMP), 'utf8')) as { version?: unknown };
    await readFile(join(DIST_DIR, 'index.html'));
    return stamp.version === version;
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
 * dist/ is missing or was built from another version of this package. A build goes to a folder
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
