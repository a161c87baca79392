/**
 * Values that look like credentials, found by linear scans (indexOf and bounded character
 * counts, no regular expression): environment values come from the account and may be huge or
 * hostile. Each pattern names what it found; nothing here returns or keeps the value.
 */

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = `${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz`;
const TOKEN_CHARS = `${ALNUM}_-`;

/** Whether `prefix` occurs in `value` followed by at least `length` characters of `charset`. */
function prefixed(value: string, prefix: string, length: number, charset: string): boolean {
  let from = value.indexOf(prefix);
  while (from >= 0) {
    const start = from + prefix.length;
    let count = 0;
    while (count < length && start + count < value.length && charset.includes(value.charAt(start + count))) {
      count += 1;
    }
    if (count === length) return true;
    from = value.indexOf(prefix, from + 1);
  }
  return false;
}

function privateKeyHeader(value: string): boolean {
  const begin = value.indexOf('-----BEGIN ');
  return begin >= 0 && value.indexOf('PRIVATE KEY-----', begin) >= 0;
}

/** `scheme://user:password@host`: after each `://`, a `:` then an `@` before the authority ends. */
function urlWithPassword(value: string): boolean {
  let from = value.indexOf('://');
  while (from >= 0) {
    let colon = false;
    for (let index = from + 3; index < value.length; index += 1) {
      const char = value.charAt(index);
      if (char === '/' || char === '?' || char === '#' || char === ' ') break;
      if (char === ':') colon = true;
      if (char === '@') {
        if (colon && index > from + 3) return true;
        break;
      }
    }
    from = value.indexOf('://', from + 3);
  }
  return false;
}

const PATTERNS: { what: string; test: (value: string) => boolean }[] = [
  {
    what: 'an AWS access key id',
    test: (value) => prefixed(value, 'AKIA', 16, UPPER_ALNUM) || prefixed(value, 'ASIA', 16, UPPER_ALNUM),
  },
  { what: 'a private key', test: privateKeyHeader },
  {
    what: 'a Slack token',
    test: (value) =>
      ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-'].some((prefix) =>
        prefixed(value, prefix, 10, TOKEN_CHARS),
      ) || value.includes('hooks.slack.com/services/'),
  },
  {
    what: 'a GitHub token',
    test: (value) =>
      ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].some((prefix) => prefixed(value, prefix, 36, ALNUM)) ||
      prefixed(value, 'github_pat_', 22, `${ALNUM}_`),
  },
  { what: 'a GitLab token', test: (value) => prefixed(value, 'glpat-', 20, TOKEN_CHARS) },
  {
    what: 'a Stripe secret key',
    test: (value) => prefixed(value, 'sk_live_', 24, ALNUM) || prefixed(value, 'rk_live_', 24, ALNUM),
  },
  { what: 'a Google API key', test: (value) => prefixed(value, 'AIza', 35, TOKEN_CHARS) },
  { what: 'an npm token', test: (value) => prefixed(value, 'npm_', 36, ALNUM) },
  { what: 'a URL with a password', test: urlWithPassword },
];

/**
 * What kind of credential the value looks like, or undefined.
 * @example credentialIn('postgres://app:hunter2@db:5432/app') // 'a URL with a password'
 */
export function credentialIn(value: string): string | undefined {
  return PATTERNS.find((pattern) => pattern.test(value))?.what;
}
