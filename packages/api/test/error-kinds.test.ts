import { CustomsError, type CustomsErrorKind } from '@customs/core';
import { InvalidCursorError } from '@customs/store';
import { describe, expect, it } from 'vitest';
import { type ApiDependencies, createApiHandler, type Route } from '../src/index.js';
import { httpEvent } from './helpers/http-event.js';

/** An API with one route, `GET /fails`, that throws `error`; what `onError` was told is kept. */
function failingApi(error: unknown) {
  const reported: unknown[] = [];
  const route: Route = {
    method: 'GET',
    path: '/fails',
    operationId: 'fails',
    summary: 'Throws',
    responses: {},
    authenticated: true,
    async handle() {
      throw error;
    },
  };
  // Only onError is read: the route touches no repository.
  const dependencies = {
    onError: (failure: unknown) => reported.push(failure),
  } as unknown as ApiDependencies;
  const handler = createApiHandler(dependencies, [route]);
  return {
    reported,
    async answer() {
      const result = await handler(httpEvent('GET', '/fails'));
      return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') as unknown };
    },
  };
}

describe('how the API answers an error, by its kind', () => {
  it('answers each kind of CustomsError with its status and code, and the message', async () => {
    const cases: [CustomsErrorKind, number, string][] = [
      ['input', 400, 'invalid_parameter'],
      ['not-found', 404, 'not_found'],
      ['access-denied', 403, 'access_denied'],
      ['throttled', 503, 'throttled'],
    ];
    for (const [kind, status, code] of cases) {
      const api = failingApi(new CustomsError(kind, `a ${kind} error`));
      expect(await api.answer()).toEqual({ status, body: { error: { code, message: `a ${kind} error` } } });
      expect(api.reported).toEqual([]);
    }
  });

  it("answers with the error's own code when it is one of the API's", async () => {
    const api = failingApi(new InvalidCursorError('The cursor is malformed'));
    expect(await api.answer()).toEqual({
      status: 400,
      body: { error: { code: 'invalid_cursor', message: 'The cursor is malformed' } },
    });
    const other = failingApi(new CustomsError('input', 'bad', { code: 'not_an_api_code' }));
    expect((await other.answer()).body).toEqual({ error: { code: 'invalid_parameter', message: 'bad' } });
  });

  it('reports an internal error, a CustomsError or not, and answers 500 without its message', async () => {
    for (const error of [
      new CustomsError('internal', 'table customs-prod: secret detail'),
      new TypeError('x'),
    ]) {
      const api = failingApi(error);
      expect(await api.answer()).toEqual({
        status: 500,
        body: { error: { code: 'internal_error', message: 'An unexpected error occurred; it was logged' } },
      });
      expect(api.reported).toEqual([error]);
    }
  });
});
