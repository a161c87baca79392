import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { FUNCTION_NAMES, type FunctionName } from '../../infra/permissions.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the bundle would be written (nothing is: `write: false`); metafile paths are relative to ROOT. */
const OUT_DIR = `${ROOT}.sst/artifacts/bundle`;

/**
 * The esbuild options SST 4 bundles a Node.js function with (pkg/runtime/node/build.go of
 * sst/sst): bundle for the node platform, ESM, `mainFields` module then main, `keepNames`,
 * the target of the runtime (nodejs22.x: es2023), the `require`/`__filename`/`__dirname`
 * banner, only `sharp` and `pg-native` external (the `@aws-sdk/*` clients are bundled), split
 * and minified as infra/functions.ts asks (`nodejs.splitting`: each `import()` its own file, loaded
 * when first called; `nodejs.minify`). No source map: a deployed function has none unless asked.
 */
export const SST_OPTIONS = {
  platform: 'node',
  bundle: true,
  format: 'esm',
  target: 'es2023',
  mainFields: ['module', 'main'],
  keepNames: true,
  minify: true,
  splitting: true,
  external: ['sharp', 'pg-native'],
  banner: {
    js: [
      `import { createRequire as topLevelCreateRequire } from 'module';`,
      'const require = topLevelCreateRequire(import.meta.url);',
      `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
      'const __filename = topLevelFileUrlToPath(import.meta.url)',
      'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
    ].join('\n'),
  },
} satisfies BuildOptions;

/** One function's bundle: its files, what a cold start loads of them, and the bytes of each npm package. */
export interface HandlerBundle {
  name: FunctionName;
  /** Every file of the bundle (the entry `<name>.js`, its chunks), by path relative to the bundle. */
  files: Map<string, Uint8Array>;
  /** The entry's path in `files`. */
  entry: string;
  /** What a cold start loads: the entry and the chunks it imports statically (not those of an `import()`). */
  bytes: number;
  /** Every file's bytes (the deployed code, `import()`'s chunks included). */
  totalBytes: number;
  /** Bytes by npm package (`@aws-sdk/client-eks`) in what the entry reaches, `import()`s included; those with none left out. */
  packages: Map<string, number>;
  /** Bytes by npm package in what a cold start loads. */
  loadedPackages: Map<string, number>;
}

/** The npm package a metafile input belongs to (its last `node_modules/` segment), if any. */
function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : scope;
}

function bytesByPackage(metafile: Metafile, outputs: readonly string[]): Map<string, number> {
  const packages = new Map<string, number>();
  for (const key of outputs) {
    const output = metafile.outputs[key] as Metafile['outputs'][string];
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      if (name && bytesInOutput > 0) packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
    }
  }
  return packages;
}

/**
 * The outputs the entry reaches: transitively, the chunks it imports statically (what a cold start
 * loads) or, with `dynamic`, by `import()` too (what the function can ever run; esbuild also writes
 * the chunk of an `import()` in code it left out, which nothing imports).
 */
function reachedFrom(metafile: Metafile, entry: string, dynamic = false): string[] {
  const loaded = new Set<string>();
  const pending = [entry];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (loaded.has(next)) continue;
    loaded.add(next);
    for (const imported of metafile.outputs[next]?.imports ?? []) {
      const followed =
        imported.kind === 'import-statement' || (dynamic && imported.kind === 'dynamic-import');
      if (followed && !imported.external) pending.push(imported.path);
    }
  }
  return [...loaded];
}

/**
 * Bundles a function's entry point (functions/src/<name>.ts, infra/functions.ts `handlerOf`) as
 * SST does, in memory; `contents` replaces the entry's source (a baseline's entry point), and
 * `splitting: false` bundles it whole into one file (SST's default, the deployed bundle before).
 * @example const { bytes } = await bundleHandler('on-ecr-event');
 */
export async function bundleHandler(
  name: FunctionName,
  contents?: string,
  splitting: boolean = SST_OPTIONS.splitting,
): Promise<HandlerBundle> {
  const entry = `${ROOT}functions/src/${name}.ts`;
  const result = await build({
    ...SST_OPTIONS,
    splitting,
    ...(contents === undefined
      ? { entryPoints: [entry] }
      : { stdin: { contents, loader: 'ts', resolveDir: `${ROOT}functions/src`, sourcefile: entry } }),
    outdir: OUT_DIR,
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const { metafile } = result;
  const entryPoint = path.relative(ROOT, entry);
  const main = Object.keys(metafile.outputs).find((key) => metafile.outputs[key]?.entryPoint === entryPoint);
  if (!main) throw new Error(`esbuild wrote no entry for ${name}`);
  const all = Object.keys(metafile.outputs);
  const loaded = reachedFrom(metafile, main);
  const reached = reachedFrom(metafile, main, true);
  const bytesOf = (keys: string[]) => keys.reduce((sum, key) => sum + (metafile.outputs[key]?.bytes ?? 0), 0);
  const files = new Map(result.outputFiles.map((file) => [path.relative(OUT_DIR, file.path), file.contents]));
  return {
    name,
    files,
    entry: path.relative(OUT_DIR, path.resolve(ROOT, main)),
    bytes: bytesOf(loaded),
    totalBytes: bytesOf(all),
    packages: bytesByPackage(metafile, reached),
    loadedPackages: bytesByPackage(metafile, loaded),
  };
}

/** Every deployed function (infra/permissions.ts FUNCTION_NAMES), in its order. */
export const HANDLERS: readonly FunctionName[] = FUNCTION_NAMES;

/** The SDK clients (`@aws-sdk/client-*`) a bundle holds code of (`loaded`: in what a cold start loads). */
export function sdkClientsOf(bundle: HandlerBundle, which: 'all' | 'loaded' = 'all'): string[] {
  return [...(which === 'all' ? bundle.packages : bundle.loadedPackages).keys()]
    .filter((name) => name.startsWith('@aws-sdk/client-'))
    .map((name) => name.slice('@aws-sdk/'.length))
    .sort();
}
