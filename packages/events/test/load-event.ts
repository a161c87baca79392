import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/events');

/** One of AWS's sample events (test/fixtures/events), parsed fresh so tests may vary it. */
export function sampleEvent(name: string): Record<string, unknown> & { detail: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}
