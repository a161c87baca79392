import { readFileSync } from 'node:fs';

/** The version of the `customs` CLI (its package.json), as `customs --version` and SARIF show it. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
