import * as api from '@customs/api';
import * as aws from '@customs/aws';
import * as core from '@customs/core';
import { CustomsError } from '@customs/core';
import * as events from '@customs/events';
import * as functions from '@customs/functions';
import * as local from '@customs/local';
import * as notify from '@customs/notify';
import * as pipeline from '@customs/pipeline';
import * as store from '@customs/store';
import { describe, expect, it } from 'vitest';

const PACKAGES = { api, aws, core, events, functions, local, notify, pipeline, store };

/**
 * Error classes not yet moved onto the hierarchy: packages/aws's live collector is being rewritten
 * into one set of readers (issue 11, item 1), which moves AccountUnknownError to packages/aws's
 * errors.ts as an input error. Empty once that lands.
 */
const PENDING = new Set(['aws.AccountUnknownError']);

/** Every class a package's public entry exports that is an Error. */
function errorClasses(): [string, new (...args: never[]) => Error][] {
  return Object.entries(PACKAGES).flatMap(([name, entry]) =>
    Object.entries(entry as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
      .map(([exported, value]) => [`${name}.${exported}`, value as new (...args: never[]) => Error]),
  );
}

describe('the error classes of every package', () => {
  it('extend CustomsError, so that the CLI, the API and the functions can tell their kind', () => {
    const classes = errorClasses();
    expect(classes.length).toBeGreaterThan(10);
    const outside = classes
      .filter(([, type]) => !(type.prototype instanceof CustomsError) && type !== CustomsError)
      .map(([name]) => name);
    expect(outside).toEqual([...PENDING]);
  });
});
