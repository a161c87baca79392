import { CustomsError } from '@customs/core';
import { describe, expect, it } from 'vitest';

/** Every workspace package, by the name its entry is imported by (`@customs/<name>`). */
const PACKAGES = ['api', 'aws', 'core', 'events', 'functions', 'local', 'notify', 'pipeline', 'store'];

/**
 * Error classes not yet moved onto the hierarchy: packages/aws's live collector is being rewritten
 * into one set of readers (issue 11, item 1), which moves AccountUnknownError to packages/aws's
 * errors.ts as an input error. Empty once that lands.
 */
const PENDING = new Set(['aws.AccountUnknownError']);

/**
 * Every class a package's public entry exports that is an Error. The entries are imported by a
 * computed name, so that this test does not count as a use of every export (npm run hygiene).
 */
async function errorClasses(): Promise<[string, new (...args: never[]) => Error][]> {
  const entries = await Promise.all(
    PACKAGES.map(
      async (name) => [name, (await import(`@customs/${name}`)) as Record<string, unknown>] as const,
    ),
  );
  return entries.flatMap(([name, entry]) =>
    Object.entries(entry)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
      .map(([exported, value]) => [`${name}.${exported}`, value as new (...args: never[]) => Error]),
  );
}

describe('the error classes of every package', () => {
  it('extend CustomsError, so that the CLI, the API and the functions can tell their kind', async () => {
    const classes = await errorClasses();
    expect(classes.length).toBeGreaterThan(10);
    const outside = classes
      .filter(([, type]) => !(type.prototype instanceof CustomsError) && type !== CustomsError)
      .map(([name]) => name);
    expect(outside).toEqual([...PENDING]);
  });
});
