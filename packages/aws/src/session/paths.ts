import { createHash } from 'node:crypto';

/** The longest file name a file system takes (ext4, APFS, NTFS): 255 bytes per path component. */
export const MAX_FILE_NAME_BYTES = 255;

const EXTENSION = '.json';
/** A key's longest encoded form, so that even the last component, with `.json`, fits. */
const MAX_KEY_BYTES = MAX_FILE_NAME_BYTES - EXTENSION.length;
/** `~` and the SHA-256 (hex) of the whole encoded key, ending a key that was too long. */
const DIGEST_CHARS = 1 + 64;

/** `%XX` for each UTF-8 byte of a lone UTF-16 surrogate (WTF-8), which encodeURIComponent refuses. */
function encodeLoneSurrogate(code: number): string {
  const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
}

/** encodeURIComponent that never throws: a lone surrogate becomes its WTF-8 bytes, which no valid text encodes to. */
function encodeKey(key: string): string {
  try {
    return encodeURIComponent(key);
  } catch {
    // a lone surrogate: encode the well-formed runs between them
  }
  let encoded = '';
  let start = 0;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    const next = key.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      index++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      encoded += encodeURIComponent(key.slice(start, index)) + encodeLoneSurrogate(code);
      start = index + 1;
    }
  }
  return encoded + encodeURIComponent(key.slice(start));
}

/**
 * One key as a path component: `encodeURIComponent` (`team/app` → `team%2Fapp`), except that it
 * never throws (a lone surrogate is written as its WTF-8 bytes, `%ED%A0%80`), a key of dots only
 * (`.`, `..`) has its dots escaped (`%2E`), an empty key is `%`, and a key whose encoded form is
 * over 250 bytes is cut to its first bytes plus `~` and the SHA-256 of the whole encoded key, so
 * that no component exceeds the 255-byte file-name limit. The same key always gives the same
 * component, so `customs record` and the snapshot collector agree.
 * @example snapshotKey('team/app') // 'team%2Fapp'
 */
export function snapshotKey(key: string): string {
  const encoded = encodeKey(key);
  if (encoded === '') return '%';
  if (encoded.replaceAll('.', '') === '') return '%2E'.repeat(encoded.length);
  if (encoded.length <= MAX_KEY_BYTES) return encoded;
  let cut = MAX_KEY_BYTES - DIGEST_CHARS;
  // never split a %XX escape
  if (encoded[cut - 1] === '%') cut -= 1;
  else if (encoded[cut - 2] === '%') cut -= 2;
  const digest = createHash('sha256').update(encoded).digest('hex');
  return `${encoded.slice(0, cut)}~${digest}`;
}

/**
 * The path of a call's file in a snapshot: `<service>/<Operation>.json`, or with keys (resource
 * names, digests, ARNs) as {@link snapshotKey} writes them. Never throws; no component is over
 * 255 bytes, `.` or `..`.
 * @example snapshotPath('ecr', 'DescribeImages', 'team/app') // 'ecr/DescribeImages/team%2Fapp.json'
 */
export function snapshotPath(service: string, operation: string, ...keys: string[]): string {
  return [service, operation, ...keys.map(snapshotKey)].join('/').concat(EXTENSION);
}
