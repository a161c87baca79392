import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { FUNCTION_NAMES, type FunctionName } from '../../infra/permissions.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The esbuild options SST 4 bundles a Node.js function with (pkg/runtime/node/build.go of
 * sst/sst): bundle for the node platform, ESM, `mainFields` module then main, `keepNames`,
 * the target of the runtime (nodejs22.x: es2023), the `require`/`__filename`/`__dirname`
 * banner, only `sharp` and `pg-native` external (the `@aws-sdk/*` clients are bundled), no
 * code splitting (`nodejs.splitting` defaults to false), and minified as infra/functions.ts
 * asks (`nodejs.minify`). No source map: a deployed function has none unless asked.
 */
export const SST_OPTIONS = {
  platform: 'node',
  bundle: true,
  format: 'esm',
  target: 'es2023',
  mainFields: ['module', 'main'],
  keepNames: true,
  minify: true,
  splitting: false,
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

/** One function's bundle: its code, and the bytes each npm package contributes to it. */
export interface HandlerBundle {
  name: FunctionName;
  code: Uint8Array;
  bytes: number;
  /** Bytes in the bundle by npm package (`@aws-sdk/client-eks`), those with none left out. */
  packages: Map<string, number>;
}

/** The npm package a metafile input belongs to (its last `node_modules/` segment), if any. */
function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : scope;
}

function bytesByPackage(metafile: Metafile): Map<string, number> {
  const packages = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      if (name && bytesInOutput > 0) packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
    }
  }
  return packages;
}

/**
 * Bundles a function's entry point (functions/src/<name>.ts, infra/functions.ts `handlerOf`) as
 * SST does, in memory; `contents` replaces the entry's source (a baseline's entry point).
 * @example const { bytes } = await bundleHandler('on-ecr-event');
 */
export async function bundleHandler(name: FunctionName, contents?: string): Promise<HandlerBundle> {
  const entry = `${ROOT}functions/src/${name}.ts`;
  const result = await build({
    ...SST_OPTIONS,
    ...(contents === undefined
      ? { entryPoints: [entry] }
      : { stdin: { contents, loader: 'ts', resolveDir: `${ROOT}functions/src`, sourcefile: entry } }),
    outfile: `${ROOT}.sst/artifacts/${name}/bundle.mjs`,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for ${name}`);
  return {
    name,
    code: output.contents,
    bytes: output.contents.length,
    packages: bytesByPackage(result.metafile),
  };
}

/** Every deployed function (infra/permissions.ts FUNCTION_NAMES), in its order. */
export const HANDLERS: readonly FunctionName[] = FUNCTION_NAMES;

/** The SDK clients (`@aws-sdk/client-*`) a bundle holds code of. */
export function sdkClientsOf(bundle: HandlerBundle): string[] {
  return [...bundle.packages.keys()]
    .filter((name) => name.startsWith('@aws-sdk/client-'))
    .map((name) => name.slice('@aws-sdk/'.length))
    .sort();
}
