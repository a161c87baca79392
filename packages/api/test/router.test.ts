import { describe, expect, it } from 'vitest';
import { ApiError, matchRoute, ROUTES } from '../src/index.js';

const ARN = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/app';

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('matchRoute', () => {
  it('captures a path parameter', () => {
    const { route, params } = matchRoute(ROUTES, 'GET', '/findings/0123456789abcdef0123456789abcdef/history');
    expect(route.operationId).toBe('getFindingHistory');
    expect(params).toEqual({ id: '0123456789abcdef0123456789abcdef' });
  });

  it('takes an ARN URL-encoded in one segment, or decoded as API Gateway delivers it', () => {
    const encoded = matchRoute(ROUTES, 'GET', `/resources/${encodeURIComponent(ARN)}/findings`);
    const decoded = matchRoute(ROUTES, 'GET', `/resources/${ARN}/findings`);
    expect(encoded.params).toEqual({ arn: ARN });
    expect(decoded.params).toEqual({ arn: ARN });
    expect(decoded.route.operationId).toBe('listResourceFindings');
  });

  it('keeps a repository named "findings" inside the ARN', () => {
    const arn = 'arn:aws:ecr:eu-west-1:111122223333:repository/findings';
    expect(matchRoute(ROUTES, 'GET', `/resources/${arn}/findings`).params).toEqual({ arn });
  });

  it('answers 404 for an unknown path', () => {
    const error = failure(() => matchRoute(ROUTES, 'GET', '/nothing/here'));
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'No route GET /nothing/here' });
    expect(failure(() => matchRoute(ROUTES, 'GET', '/findings/a/b/c')).status).toBe(404);
  });

  it('answers 405 with an Allow header listing the methods of the path', () => {
    const error = failure(() => matchRoute(ROUTES, 'PUT', '/suppressions'));
    expect(error).toMatchObject({ status: 405, code: 'method_not_allowed' });
    expect(error.headers).toEqual({ allow: 'GET, POST' });
    expect(failure(() => matchRoute(ROUTES, 'DELETE', '/findings')).headers).toEqual({ allow: 'GET' });
  });

  it('answers 400 for a segment that is not valid percent-encoding', () => {
    const error = failure(() => matchRoute(ROUTES, 'GET', '/resources/%E0%A4%A/findings'));
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter' });
  });
});
