import { describe, expect, it } from 'vitest';
import { isApprovedImage, isOwnEcr } from '../src/image/approved-registry.js';
import { unpinnedReason } from '../src/image/image-pinning.js';
import { parseImageReference } from '../src/image/parse-image-reference.js';
import { readImage } from '../src/image/read-image.js';

/** The account and region of AWS's describe-task-definition sample. */
const SCOPE = { accountId: '012345678910', region: 'us-east-1' };
const OWN_ECR = '012345678910.dkr.ecr.us-east-1.amazonaws.com';
const DIGEST = `sha256:${'a'.repeat(64)}`;

function parsed(text: string) {
  const result = parseImageReference(text);
  if (!result.ok) throw new Error(result.error);
  return result.reference;
}

function approved(text: string, approvedRegistries: string[] = []) {
  return isApprovedImage(parsed(text), { ...SCOPE, approvedRegistries });
}

describe('isApprovedImage: the approved-registry judgement of the ECS and Kubernetes checks', () => {
  it("approves this account's ECR in the scope's region, any repository path (pull-through caches included)", () => {
    expect(approved(`${OWN_ECR}/app:1`)).toBe(true);
    expect(approved(`${OWN_ECR}/docker-hub/library/nginx:1.27`)).toBe(true);
    expect(isOwnEcr(parsed(`${OWN_ECR}/app:1`), SCOPE)).toBe(true);
  });

  it("refuses another account's ECR, this account's ECR in another region, and ECR Public unless listed", () => {
    expect(approved('999999999999.dkr.ecr.us-east-1.amazonaws.com/app:1')).toBe(false);
    expect(approved('012345678910.dkr.ecr.eu-west-1.amazonaws.com/app:1')).toBe(false);
    expect(approved('public.ecr.aws/nginx/nginx:1.27')).toBe(false);
    expect(approved('public.ecr.aws/nginx/nginx:1.27', ['public.ecr.aws'])).toBe(true);
  });

  it('matches whole hosts and whole path segments, in any case, with index.docker.io as docker.io', () => {
    const list = ['docker.io/library/', 'GHCR.io/acme', ' ', 'index.docker.io/bitnami'];
    expect(approved('nginx:1.27', list)).toBe(true);
    expect(approved('ghcr.io/acme/tool:2', list)).toBe(true);
    expect(approved('bitnami/redis:7', list)).toBe(true);
    expect(approved('ghcr.io/acme-evil/tool:2', list)).toBe(false);
    expect(approved('ghcr.io.evil.example/acme/tool:1', ['ghcr.io'])).toBe(false);
    expect(approved('docker.io/other/redis:7', list)).toBe(false);
  });
});

describe('unpinnedReason: the pinning judgement of the ECS and Kubernetes checks', () => {
  it('counts a digest anywhere, and a non-latest tag in an IMMUTABLE repository of this account, as pinned', () => {
    expect(unpinnedReason(parsed(`nginx@${DIGEST}`), SCOPE, undefined, [])).toBeUndefined();
    expect(unpinnedReason(parsed(`${OWN_ECR}/app:1.4.2`), SCOPE, 'IMMUTABLE', [])).toBeUndefined();
  });

  it('says why the others are not, naming up to three running digests', () => {
    const running = ['b', 'c', 'd', 'e'].map((c) => `sha256:${c.repeat(64)}`);
    expect(unpinnedReason(parsed('nginx'), SCOPE, undefined, [])).toBe('nginx: no tag, so latest');
    expect(unpinnedReason(parsed(`${OWN_ECR}/app:latest`), SCOPE, 'IMMUTABLE', [])).toBe(
      `${OWN_ECR}/app:latest: tag latest`,
    );
    expect(unpinnedReason(parsed('ghcr.io/acme/tool:2'), SCOPE, undefined, [])).toBe(
      "ghcr.io/acme/tool:2: tag 2 outside this account's ECR",
    );
    expect(
      unpinnedReason(parsed(`${OWN_ECR}/app:1`), SCOPE, 'IMMUTABLE_WITH_EXCLUSION', running.slice(0, 1)),
    ).toBe(
      `${OWN_ECR}/app:1: tag 1 in a repository with tag mutability IMMUTABLE_WITH_EXCLUSION; running ${running[0]}`,
    );
    expect(unpinnedReason(parsed(`${OWN_ECR}/app:1`), SCOPE, undefined, running)).toBe(
      `${OWN_ECR}/app:1: tag 1 in a repository with tag mutability unknown; running ${running.slice(0, 3).join(', ')} and 1 more`,
    );
  });
});

describe('readImage', () => {
  it('parses an image, and says when it is absent, blank or malformed', () => {
    expect(readImage('nginx')).toMatchObject({ kind: 'parsed', reference: { registry: 'docker.io' } });
    expect(readImage(undefined)).toEqual({ kind: 'missing' });
    expect(readImage('  ')).toEqual({ kind: 'missing' });
    expect(readImage('Bad Image!!')).toEqual({
      kind: 'invalid',
      error: 'the repository name "library/Bad Image!!" must be lower-case',
    });
  });
});
