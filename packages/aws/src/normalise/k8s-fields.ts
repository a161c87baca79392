import { safeText } from '@customs/core';

/**
 * Defensive reads of a Kubernetes object as it arrives (a live body is never validated, a
 * snapshot's only loosely): each read takes `unknown`, gives the value when it has the expected
 * type, `undefined` when it is absent or `null` (the API's "not set"), and records a problem,
 * naming the field's path, when it is present with another type. A normaliser turns problems into
 * `unreadable` properties or a skipped item, so a malformed field never reads as "not set".
 */

/** The most entries read from one list or map of an object (containers, volumes, env, labels…). */
export const MAX_ENTRIES = 1000;

/** A JSON object (not an array, not null). */
export type Json = Record<string, unknown>;

/** Is this a JSON object? */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Records the problems of reading one object (a pod template, a binding): the first few name the
 * field's path, with how many there were.
 * @example const fields = new Fields('spec.template'); fields.string(spec, 'serviceAccountName');
 */
export class Fields {
  readonly #problems: string[] = [];
  #count = 0;

  /** Records a problem at `path` (kept: the first 5). */
  problem(path: string, what: string): void {
    this.#count += 1;
    if (this.#problems.length < 5) this.#problems.push(`${safeText(path).slice(0, 200)}: ${what}`);
  }

  /** Were all fields of the expected types? */
  get ok(): boolean {
    return this.#count === 0;
  }

  /** The problems, as one reason (`spec.containers[0].securityContext.privileged: expected a boolean`). */
  get reason(): string {
    const more =
      this.#count > this.#problems.length ? ` (and ${this.#count - this.#problems.length} more)` : '';
    return `${this.#problems.join('; ')}${more}`;
  }

  /** An object at `key`; `{}`-less: undefined when absent or null. */
  object(parent: Json | undefined, key: string, path: string): Json | undefined {
    const value = parent?.[key];
    if (value === undefined || value === null) return undefined;
    if (isJsonObject(value)) return value;
    this.problem(`${path}.${key}`, 'expected an object');
    return undefined;
  }

  string(parent: Json | undefined, key: string, path: string): string | undefined {
    const value = parent?.[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.problem(`${path}.${key}`, 'expected a string');
    return undefined;
  }

  boolean(parent: Json | undefined, key: string, path: string): boolean | undefined {
    const value = parent?.[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.problem(`${path}.${key}`, 'expected a boolean');
    return undefined;
  }

  /** An integer (a port, a user id). */
  integer(parent: Json | undefined, key: string, path: string): number | undefined {
    const value = parent?.[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    this.problem(`${path}.${key}`, 'expected an integer');
    return undefined;
  }

  /** An array at `key` (empty when absent or null); over MAX_ENTRIES entries is a problem. */
  array(parent: Json | undefined, key: string, path: string): unknown[] {
    const value = parent?.[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(`${path}.${key}`, 'expected an array');
      return [];
    }
    if (value.length > MAX_ENTRIES) {
      this.problem(`${path}.${key}`, `${value.length} entries, more than the ${MAX_ENTRIES} read`);
      return value.slice(0, MAX_ENTRIES);
    }
    return value;
  }

  /** The objects of an array (an entry that is not one is a problem, and left out). */
  objects(parent: Json | undefined, key: string, path: string): { item: Json; path: string }[] {
    const out: { item: Json; path: string }[] = [];
    this.array(parent, key, path).forEach((item, index) => {
      const where = `${path}.${key}[${index}]`;
      if (isJsonObject(item)) out.push({ item, path: where });
      else this.problem(where, 'expected an object');
    });
    return out;
  }

  /** The strings of an array (an entry that is not one is a problem, and left out). */
  strings(parent: Json | undefined, key: string, path: string): string[] {
    const out: string[] = [];
    this.array(parent, key, path).forEach((item, index) => {
      if (typeof item === 'string') out.push(item);
      else this.problem(`${path}.${key}[${index}]`, 'expected a string');
    });
    return out;
  }

  /**
   * A map of strings (labels, annotations, nodeSelector); with `quantities`, numbers are taken as
   * written (`cpu: 1` is `"1"`, as resource quantities may be).
   */
  stringMap(parent: Json | undefined, key: string, path: string, quantities = false): Record<string, string> {
    const value = this.object(parent, key, path);
    if (!value) return {};
    const entries = Object.entries(value);
    if (entries.length > MAX_ENTRIES) {
      this.problem(`${path}.${key}`, `${entries.length} entries, more than the ${MAX_ENTRIES} read`);
    }
    const out: Record<string, string> = {};
    for (const [name, entry] of entries.slice(0, MAX_ENTRIES)) {
      if (typeof entry === 'string') out[name] = entry;
      else if (quantities && typeof entry === 'number' && Number.isFinite(entry)) out[name] = String(entry);
      else this.problem(`${path}.${key}.${name}`, 'expected a string');
    }
    return out;
  }
}

/**
 * An object's `metadata`: name and namespace, when they are strings (else undefined: the item is
 * skipped by its reader).
 * @example metadataOf(item) // { name: 'nginx-deployment', namespace: 'default' }
 */
export function metadataOf(item: unknown): { name?: string; namespace?: string; metadata?: Json } {
  if (!isJsonObject(item) || !isJsonObject(item.metadata)) return {};
  const { name, namespace } = item.metadata;
  return {
    metadata: item.metadata,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    ...(typeof namespace === 'string' && namespace !== '' ? { namespace } : {}),
  };
}

/** An owner reference (`metadata.ownerReferences[]`), when its kind and name are strings. */
export interface OwnerRef {
  kind: string;
  name: string;
  controller: boolean;
}

/**
 * The owners an object names (`metadata.ownerReferences`), read defensively; malformed entries
 * are left out (an object whose every entry is malformed is taken as unowned: assessed as a bare
 * pod rather than hidden).
 * @example ownersOf(pod) // [{ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5', controller: true }]
 */
export function ownersOf(item: unknown): OwnerRef[] {
  const metadata = isJsonObject(item) && isJsonObject(item.metadata) ? item.metadata : undefined;
  const references = metadata?.ownerReferences;
  if (!Array.isArray(references)) return [];
  return references
    .slice(0, MAX_ENTRIES)
    .flatMap((entry) =>
      isJsonObject(entry) && typeof entry.kind === 'string' && typeof entry.name === 'string'
        ? [{ kind: entry.kind, name: entry.name, controller: entry.controller === true }]
        : [],
    );
}
