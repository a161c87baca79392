import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error.js';

const SIGNATURE_LENGTH = 22;

function signature(key: string | Uint8Array, purpose: string, cursor: string): string {
  return createHmac('sha256', key)
    .update(`${purpose}\n${cursor}`)
    .digest('base64url')
    .slice(0, SIGNATURE_LENGTH);
}

/**
 * Signs a store cursor for one listing (`purpose`), so the client gets an opaque, tamper-evident token.
 * @example const next = signCursor(key, 'findings', page.cursor);
 */
export function signCursor(key: string | Uint8Array, purpose: string, cursor: string): string {
  return `${cursor}.${signature(key, purpose, cursor)}`;
}

/**
 * The store cursor inside a signed one; a 400 `invalid_cursor` when it was modified or issued for
 * another listing (the signature is compared in constant time).
 * @example const cursor = verifyCursor(key, 'findings', query.cursor);
 */
export function verifyCursor(key: string | Uint8Array, purpose: string, signed: string): string {
  const dot = signed.lastIndexOf('.');
  const cursor = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(signature(key, purpose, cursor));
  if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(400, 'invalid_cursor', 'cursor: not a cursor this API issued for this listing');
  }
  return cursor;
}
