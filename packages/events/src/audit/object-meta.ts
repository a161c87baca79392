import { EventValidationError } from '../errors.js';

/** What an audit event's request or response object says of the object: its kind, names and owners. */
export interface ObjectMeta {
  kind?: string;
  name?: string;
  generateName?: string;
  /** `<Kind> <name>` of each owner reference. */
  owners: string[];
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringAt(record: Fields, key: string, where: string): string | undefined {
  if (!Object.hasOwn(record, key)) return undefined;
  const value = record[key];
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new EventValidationError(`${where}.${key}: expected a string`);
  return value;
}

/**
 * The kind, name, generateName and owner references of an audit event's `requestObject` or
 * `responseObject`, when it is an object with `metadata` (a JSON patch is an array, a delete's
 * request is DeleteOptions, a Metadata-level event has neither: then nothing is known). Only
 * these fields are read; a wrong type in one of them is an EventValidationError naming it.
 * @example metaOf(event.responseObject, 'responseObject') // { kind: 'Pod', name: 'web-7d4b9', owners: ['ReplicaSet web-7d4b'] }
 */
export function metaOf(value: unknown, where: string): ObjectMeta | undefined {
  if (!isRecord(value)) return undefined;
  const kind = stringAt(value, 'kind', where);
  const metadata = Object.hasOwn(value, 'metadata') ? value.metadata : undefined;
  if (!isRecord(metadata)) return kind === undefined ? undefined : { kind, owners: [] };
  const at = `${where}.metadata`;
  const references = Object.hasOwn(metadata, 'ownerReferences') ? metadata.ownerReferences : undefined;
  if (references !== undefined && references !== null && !Array.isArray(references))
    throw new EventValidationError(`${at}.ownerReferences: expected an array`);
  const owners = (references ?? []).map((reference: unknown, index: number) => {
    const each = `${at}.ownerReferences.${index}`;
    if (!isRecord(reference)) throw new EventValidationError(`${each}: expected an object`);
    return `${stringAt(reference, 'kind', each) ?? 'an owner'} ${stringAt(reference, 'name', each) ?? ''}`.trim();
  });
  const name = stringAt(metadata, 'name', at);
  const generateName = stringAt(metadata, 'generateName', at);
  return {
    ...(kind === undefined ? {} : { kind }),
    ...(name === undefined ? {} : { name }),
    ...(generateName === undefined ? {} : { generateName }),
    owners,
  };
}
