import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding } from '../../../store/test/helpers/findings.js';
import { authorizationFor } from '../../src/cli/commands/findings.js';
import { executeApiRegion } from '../../src/cli/sigv4.js';
import { runCli } from './run-cli.js';
import { AUTHORIZATION, CREDENTIALS, expectedAuthorization, startApi } from './sigv4-api.js';

const PROD = {
  ...finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  state: 'OPEN',
  version: 1,
  firstSeenAt: at(0),
  lastChangedAt: at(0),
  lastEvaluatedAt: at(0),
};

describe('customs findings --api (SigV4)', () => {
  const saved = { ...process.env };
  let api: Awaited<ReturnType<typeof startApi>>;
  let status = 200;

  beforeAll(async () => {
    Object.assign(process.env, CREDENTIALS);
    delete process.env.CUSTOMS_API_TOKEN;
    api = await startApi(() =>
      status === 200 ? { status, body: { findings: [PROD] } } : { status, body: { message: 'Forbidden' } },
    );
  });
  afterEach(() => {
    api.received.length = 0;
    status = 200;
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => api.server.close(resolve));
  });

  it('signs each request for execute-api with the default credentials, as AWS checks it', async () => {
    // Act
    const { code, stdout, stderr } = await runCli(
      'findings',
      '--api',
      api.url,
      '--sigv4',
      '--severity',
      'HIGH',
      '--format',
      'json',
    );

    // Assess
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { findings: { id: string }[] }).findings.map((each) => each.id)).toEqual([
      PROD.id,
    ]);
    const [request] = api.received;
    if (!request) throw new Error('the API received no request');
    const [, date, signedHeaders] = AUTHORIZATION.exec(String(request.headers.authorization)) ?? [];
    expect(date).toBe(String(request.headers['x-amz-date']).slice(0, 8));
    expect(signedHeaders?.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-date']));
    expect(request.headers['x-amz-security-token']).toBe(CREDENTIALS.AWS_SESSION_TOKEN);
    // The CLI sends the filter as given: the API reads enumerations in any case.
    expect(request.url).toBe('/findings?severity=HIGH&limit=1000');
    expect(request.headers.authorization).toBe(await expectedAuthorization(request));
  });

  it('signs for the region of an API Gateway endpoint, without being asked to', async () => {
    // Prepare
    const url = new URL('https://r3pmxmplak.execute-api.ap-southeast-2.amazonaws.com/findings?limit=1000');

    // Act
    const headers = await authorizationFor(url, {}, { ...process.env, AWS_REGION: 'eu-west-1' }).headers(url);

    // Assess
    expect(executeApiRegion(url)).toBe('ap-southeast-2');
    expect(headers.authorization).toMatch(
      /Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/ap-southeast-2\/execute-api\//,
    );
    expect(headers.authorization).not.toContain('Bearer');
  });

  it('keeps the bearer token for a local stack and says what a refused signature needs', async () => {
    // Prepare
    const local = authorizationFor(new URL(api.url), { token: 'cli-token-93b1' }, process.env);
    status = 403;

    // Act
    const refused = await runCli('findings', '--api', api.url, '--sigv4');

    // Assess
    expect(await local.headers(new URL(api.url))).toMatchObject({ authorization: 'Bearer cli-token-93b1' });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      'customs: the API refused the signed request (Forbidden): the AWS credentials need execute-api:Invoke on the API (see docs/deploy.md)\n',
    );
  });
});
