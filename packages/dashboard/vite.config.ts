import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** dist/build-stamp.json: the package version a build is of (dashboardAssets() rebuilds on another). */
function buildStamp(): Plugin {
  return {
    name: 'customs-build-stamp',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'build-stamp.json',
        source: `${JSON.stringify({ version })}\n`,
      });
    },
  };
}

/**
 * The UI's build (`npm run build -w @customs/dashboard`, or `dashboardAssets()` on first start):
 * Preact's JSX through Vite's own transform (oxc), no framework plugin; no inline script.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [buildStamp()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
