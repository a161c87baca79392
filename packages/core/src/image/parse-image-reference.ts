/**
 * A container image reference, parsed and normalised as Docker and containerd do
 * (distribution/reference `ParseNormalizedNamed`): `nginx` is `docker.io/library/nginx`.
 */
export interface ImageReference {
  /** The registry host, with its port when one is given: `docker.io`, `123456789012.dkr.ecr.eu-west-1.amazonaws.com`, `localhost:5000`. */
  registry: string;
  /** The repository path inside the registry: `library/nginx`, `team/app`. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, lower-case hex as the registries require. */
  digest?: string;
  /** The reference as written (trimmed). */
  text: string;
}

export type ImageReferenceResult = { ok: true; reference: ImageReference } | { ok: false; error: string };

/** docker.io's defaults (distribution/reference normalize.go). */
const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
/** The longest name (registry + `/` + repository) distribution accepts. */
const NAME_TOTAL_LENGTH_MAX = 255;
/** A tag is at most 128 characters. */
const TAG_LENGTH_MAX = 128;
/** The longest reference Customs reads at all: no registry takes more. */
const REFERENCE_LENGTH_MAX = 4096;
/** Hex lengths of the digests registries verify (opencontainers/go-digest). */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

const isLower = (c: string) => c >= 'a' && c <= 'z';
const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHexLower = (c: string) => isDigit(c) || (c >= 'a' && c <= 'f');
const isWord = (c: string) => isLower(c) || isUpper(c) || isDigit(c) || c === '_';

/**
 * Parses an image reference by the distribution reference grammar, normalised as `docker pull`
 * reads it, in one pass with no regular expression. A malformed reference is `{ ok: false }` with
 * the reason, never an exception.
 *
 * ```
 * reference := name [ ":" tag ] [ "@" digest ]
 * name      := [domain "/"] path-component ["/" path-component]*
 * domain    := domain-component ["." domain-component]* [":" port]   (or "[" IPv6 "]" [":" port])
 * path-component := [a-z0-9]+ (separator [a-z0-9]+)*      separator := [_.] | "__" | "-"+
 * tag       := [\w][\w.-]{0,127}
 * digest    := algorithm ":" hex   (sha256: 64 lower-case hex characters)
 * ```
 * The first component is a registry when it holds a `.` or a `:`, is `localhost`, or has an
 * upper-case letter; otherwise the registry is `docker.io`, and a one-component repository there
 * gains `library/`.
 * @example parseImageReference('nginx') // { ok: true, reference: { registry: 'docker.io', repository: 'library/nginx', … } }
 * @example parseImageReference('public.ecr.aws/x/y@sha256:AB…').ok // false: digests are lower-case hex
 */
export function parseImageReference(input: string): ImageReferenceResult {
  const text = input.trim();
  if (text.length === 0) return bad('the image reference is empty');
  if (text.length > REFERENCE_LENGTH_MAX)
    return bad(`the image reference is over ${REFERENCE_LENGTH_MAX} characters`);

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const problem = digestProblem(rest.slice(at + 1));
    if (problem) return bad(problem);
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    const problem = tagProblem(tag);
    if (problem) return bad(problem);
    rest = rest.slice(0, colon);
  }

  const split = splitRegistry(rest);
  if ('error' in split) return bad(split.error);
  const { registry, repository } = split;
  const pathProblem = repositoryProblem(repository);
  if (pathProblem) return bad(pathProblem);
  if (registry.length + 1 + repository.length > NAME_TOTAL_LENGTH_MAX) {
    return bad(`the repository name is over ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  return {
    ok: true,
    reference: {
      registry,
      repository,
      ...(tag === undefined ? {} : { tag }),
      ...(digest ? { digest } : {}),
      text,
    },
  };
}

function bad(error: string): ImageReferenceResult {
  return { ok: false, error };
}

function splitRegistry(name: string): { registry: string; repository: string } | { error: string } {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isRegistry =
    slash >= 0 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  if (!isRegistry) {
    if (name.length === 0) return { error: 'the image reference has no repository name' };
    return {
      registry: DEFAULT_REGISTRY,
      repository: name.includes('/') ? name : `${OFFICIAL_PREFIX}${name}`,
    };
  }
  const problem = registryProblem(first);
  if (problem) return { error: problem };
  const registry = first === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : first;
  const remainder = name.slice(slash + 1);
  const repository =
    registry === DEFAULT_REGISTRY && !remainder.includes('/') ? `${OFFICIAL_PREFIX}${remainder}` : remainder;
  return { registry, repository };
}

function registryProblem(registry: string): string | undefined {
  let host = registry;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return `the registry "${registry}" has an unclosed IPv6 address`;
    const address = host.slice(1, close);
    if (
      address.length === 0 ||
      ![...address].every((c) => isHexLower(c.toLowerCase()) || c === ':' || c === '.')
    ) {
      return `the registry "${registry}" is not a valid IPv6 address`;
    }
    const after = host.slice(close + 1);
    if (after.length > 0 && !after.startsWith(':')) return `the registry "${registry}" is not host[:port]`;
    port = after.length > 0 ? after.slice(1) : undefined;
  } else {
    const colon = host.indexOf(':');
    if (colon >= 0) {
      port = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
    const components = host.split('.');
    for (const component of components) {
      if (!isDomainComponent(component)) return `the registry "${registry}" is not a valid host name`;
    }
  }
  if (port !== undefined && (port.length === 0 || ![...port].every(isDigit))) {
    return `the registry "${registry}" has a port that is not a number`;
  }
  return undefined;
}

function isDomainComponent(component: string): boolean {
  if (component.length === 0) return false;
  const alnum = (c: string) => isLower(c) || isUpper(c) || isDigit(c);
  if (!alnum(component[0] as string) || !alnum(component[component.length - 1] as string)) return false;
  return [...component].every((c) => alnum(c) || c === '-');
}

function repositoryProblem(repository: string): string | undefined {
  if (repository.length === 0) return 'the image reference has no repository name';
  if (repository !== repository.toLowerCase()) {
    return `the repository name "${repository}" must be lower-case`;
  }
  for (const component of repository.split('/')) {
    if (!isPathComponent(component)) {
      return `the repository name "${repository}" has an invalid component "${component}" (lower-case letters and digits, separated by ".", "_", "__" or dashes)`;
    }
  }
  return undefined;
}

/** path-component := [a-z0-9]+ (([_.] | "__" | "-"+) [a-z0-9]+)* */
function isPathComponent(component: string): boolean {
  const alnum = (c: string) => isLower(c) || isDigit(c);
  if (component.length === 0) return false;
  let index = 0;
  for (;;) {
    const start = index;
    while (index < component.length && alnum(component[index] as string)) index++;
    if (index === start) return false;
    if (index === component.length) return true;
    const separator = component[index];
    if (separator === '.') index++;
    else if (separator === '_') index += component[index + 1] === '_' ? 2 : 1;
    else if (separator === '-') while (component[index] === '-') index++;
    else return false;
    if (index === component.length) return false;
  }
}

function tagProblem(tag: string): string | undefined {
  if (tag.length === 0) return 'the image reference has an empty tag';
  if (tag.length > TAG_LENGTH_MAX) return `the tag is over ${TAG_LENGTH_MAX} characters`;
  if (!isWord(tag[0] as string) || ![...tag].every((c) => isWord(c) || c === '.' || c === '-')) {
    return `the tag "${tag}" may hold only letters, digits, "_", "." and "-", and not start with "." or "-"`;
  }
  return undefined;
}

function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  if (colon <= 0) return `the digest "${digest}" is not algorithm:hex`;
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) return `the digest algorithm "${algorithm}" is not sha256, sha384 or sha512`;
  if (hex.length !== length || ![...hex].every(isHexLower)) {
    return `the digest "${digest}" is not ${algorithm}: followed by ${length} lower-case hex characters`;
  }
  return undefined;
}
