import { type ImageReference, parseImageReference } from './parse-image-reference.js';

/** A container's image as the image checks see it: parsed, absent, or why it does not parse. */
export type ReadImage =
  | { kind: 'parsed'; reference: ImageReference }
  | { kind: 'missing' }
  | { kind: 'invalid'; error: string };

/**
 * A container's `image` field, parsed as `docker pull` reads it (`nginx` is
 * `docker.io/library/nginx`); absent or blank is `missing`, malformed is `invalid` with the reason.
 * @example readImage('Bad Image!!').kind // 'invalid'
 */
export function readImage(image: string | undefined): ReadImage {
  if (image === undefined || image.trim().length === 0) return { kind: 'missing' };
  const result = parseImageReference(image);
  return result.ok
    ? { kind: 'parsed', reference: result.reference }
    : { kind: 'invalid', error: result.error };
}
