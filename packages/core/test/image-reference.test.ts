import { describe, expect, it } from 'vitest';
import { ecrRegistryHost, parseImageReference } from '../src/image/index.js';

const DIGEST = `sha256:${'ab12'.repeat(16)}`;

function parsed(text: string) {
  const result = parseImageReference(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error}`);
  return result.reference;
}

function refused(text: string): string {
  const result = parseImageReference(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.error;
}

describe('parseImageReference: the forms users write (distribution/reference, normalised as docker pull reads them)', () => {
  it('normalises a bare official image to docker.io/library', () => {
    expect(parsed('nginx')).toMatchObject({ registry: 'docker.io', repository: 'library/nginx' });
    expect(parsed('nginx').tag).toBeUndefined();
    expect(parsed('docker.io/library/nginx:1.27')).toMatchObject({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.27',
    });
    expect(parsed('docker.io/nginx')).toMatchObject({ repository: 'library/nginx' });
    expect(parsed('index.docker.io/bitnami/redis:7')).toMatchObject({
      registry: 'docker.io',
      repository: 'bitnami/redis',
    });
  });

  it('keeps a user repository on Docker Hub without library/', () => {
    expect(parsed('bitnami/redis:7.2')).toMatchObject({
      registry: 'docker.io',
      repository: 'bitnami/redis',
      tag: '7.2',
    });
  });

  it('reads ECR Public and private ECR references with tag and digest', () => {
    expect(parsed(`public.ecr.aws/x/y@${DIGEST}`)).toMatchObject({
      registry: 'public.ecr.aws',
      repository: 'x/y',
      digest: DIGEST,
    });
    const ecr = parsed('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1');
    expect(ecr).toMatchObject({
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      repository: 'team/app',
      tag: 'v1',
    });
    expect(parsed(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1@${DIGEST}`)).toMatchObject({
      tag: 'v1',
      digest: DIGEST,
    });
  });

  it('tells a registry port from a tag', () => {
    expect(parsed('localhost:5000/app')).toMatchObject({ registry: 'localhost:5000', repository: 'app' });
    expect(parsed('registry.example.com:8443/team/app:2.0')).toMatchObject({
      registry: 'registry.example.com:8443',
      repository: 'team/app',
      tag: '2.0',
    });
    expect(parsed('[::1]:5000/app:1')).toMatchObject({ registry: '[::1]:5000', repository: 'app', tag: '1' });
    expect(parsed('localhost/app')).toMatchObject({ registry: 'localhost', repository: 'app' });
  });

  it('accepts the separators of the path grammar', () => {
    expect(parsed('a/b.c/d_e/f__g/h---i').repository).toBe('a/b.c/d_e/f__g/h---i');
  });
});

describe('parseImageReference: malformed references are refused with the reason, never thrown', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [`public.ecr.aws/x/y@sha256:${'AB12'.repeat(16)}`, 'lower-case hex'],
    ['nginx@sha256:abc', '64 lower-case hex'],
    [`nginx@md5:${'a'.repeat(32)}`, 'not sha256, sha384 or sha512'],
    ['Nginx/App', 'must be lower-case'],
    ['docker.io/Library/nginx', 'must be lower-case'],
    ['nginx:', 'empty tag'],
    ['nginx:.hidden', 'may hold only'],
    [`nginx:${'a'.repeat(129)}`, 'over 128'],
    ['team//app', 'invalid component'],
    ['team/app-', 'invalid component'],
    ['team/-app', 'invalid component'],
    ['team/a___b', 'invalid component'],
    ['bad_host.example.com/app', 'valid host name'],
    ['example.com:port/app', 'port that is not a number'],
    ['[::1/app', 'unclosed IPv6'],
    ['example.com/', 'no repository name'],
    [`example.com/${'a'.repeat(250)}`, 'over 255'],
    ['x'.repeat(5000), 'over 4096'],
    ['ngin\u001bx', 'invalid component'],
  ])('refuses %j (%s)', (text, why) => {
    expect(refused(text)).toContain(why);
  });

  it('reads a pathological reference in one pass', () => {
    // Prepare: what backtracks in a regex-based parser: many separators and no final alphanumeric
    const hostile = `example.com/${'a-'.repeat(120)}`;
    // Act, Assess
    expect(refused(hostile)).toContain('invalid component');
  });
});

describe('ecrRegistryHost', () => {
  it('names the account and region of a private ECR registry, FIPS and China included', () => {
    expect(ecrRegistryHost('123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toEqual({
      accountId: '123456789012',
      region: 'eu-west-1',
    });
    expect(ecrRegistryHost('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com')?.region).toBe('us-east-1');
    expect(ecrRegistryHost('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')?.region).toBe('cn-north-1');
  });

  it('is undefined for ECR Public, other registries and look-alikes', () => {
    expect(ecrRegistryHost('public.ecr.aws')).toBeUndefined();
    expect(ecrRegistryHost('docker.io')).toBeUndefined();
    expect(ecrRegistryHost('12345.dkr.ecr.eu-west-1.amazonaws.com')).toBeUndefined();
    expect(ecrRegistryHost('123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example')).toBeUndefined();
    expect(ecrRegistryHost('123456789012.s3.eu-west-1.amazonaws.com')).toBeUndefined();
  });
});
