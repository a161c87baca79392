import { describe, expect, it } from 'vitest';
import { runningDigest } from '../src/image/running-digest.js';

/** A digest of AWS's describe-tasks sample (`containers[].imageDigest`). */
const HEX = '3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';
const DIGEST = `sha256:${HEX}`;

describe('runningDigest, the one normaliser of what a runtime says it runs', () => {
  it("reads ECS DescribeTasks' imageDigest, upper-case hex lowered", () => {
    // Prepare / Act / Assess
    expect(runningDigest(DIGEST, 'digest')).toBe(DIGEST);
    expect(runningDigest(`sha256:${HEX.toUpperCase()}`, 'digest')).toBe(DIGEST);
    expect(runningDigest(` ${DIGEST} `, 'digest')).toBe(DIGEST);
    expect(runningDigest(`sha512:${'c'.repeat(128)}`, 'digest')).toBe(`sha512:${'c'.repeat(128)}`);
  });

  it("reads a pod's imageID in the dockershim and containerd forms", () => {
    expect(runningDigest(`docker-pullable://nginx@${DIGEST}`, 'image-id')).toBe(DIGEST);
    expect(runningDigest(`docker-pullable://nginx@sha256:${HEX.toUpperCase()}`, 'image-id')).toBe(DIGEST);
    expect(runningDigest(`docker.io/library/nginx@${DIGEST}`, 'image-id')).toBe(DIGEST);
    expect(runningDigest(`111122223333.dkr.ecr.us-west-2.amazonaws.com/team/app@${DIGEST}`, 'image-id')).toBe(
      DIGEST,
    );
    expect(runningDigest(`registry.local:5000/team/app@${DIGEST}`, 'image-id')).toBe(DIGEST);
  });

  it("takes no digest from an imageID without '@': a bare sha256 or docker://sha256 is the config id", () => {
    // a registry never serves an image by its config id, so it must not match an ECR image digest
    expect(runningDigest(DIGEST, 'image-id')).toBeUndefined();
    expect(runningDigest(`docker://${DIGEST}`, 'image-id')).toBeUndefined();
    expect(runningDigest(`docker://${DIGEST}`, 'digest')).toBeUndefined();
  });

  it('refuses malformed, truncated, unknown-algorithm and oversized digests, never throws', () => {
    for (const text of [
      '',
      '@',
      'nginx:1.27',
      'sha256:',
      ':abc',
      `sha256:${HEX.slice(1)}`,
      `sha256:${HEX}0`,
      `sha256:${'g'.repeat(64)}`,
      `md5:${'a'.repeat(32)}`,
      `sha512:${HEX}`,
      `nginx@sha256:${HEX}\u0000`,
    ]) {
      expect(runningDigest(text, 'digest'), JSON.stringify(text)).toBeUndefined();
      expect(runningDigest(`nginx@${text}`, 'image-id'), JSON.stringify(text)).toBeUndefined();
    }
    expect(runningDigest(`${'a'.repeat(10_000)}@${DIGEST}`, 'image-id')).toBeUndefined();
  });
});
