import type { Random } from './random.js';

type Json = Record<string, unknown>;
type Container = Json | unknown[];
/** Where a value sits: its container and its key. */
type Slot = { parent: Container; key: string | number };

/** The fields the deployed rules' patterns look at (the matcher walks these). */
const INSPECTED = [
  ['source'],
  ['detail-type'],
  ['detail', 'eventSource'],
  ['detail', 'eventName'],
  ['detail', 'errorCode'],
  ['detail', 'action-type'],
  ['detail', 'result'],
  ['detail', 'resources'],
] as const;

/** Names that become refs, hence snapshot paths and DynamoDB keys. */
const NAMES = [
  ['detail', 'repository-name'],
  ['detail', 'image-digest'],
  ['detail', 'requestParameters', 'name'],
  ['detail', 'requestParameters', 'clusterName'],
  ['detail', 'requestParameters', 'nodegroupName'],
  ['detail', 'requestParameters', 'principalArn'],
  ['detail', 'requestParameters', 'userName'],
  ['detail', 'requestParameters', 'roleName'],
  ['detail', 'requestParameters', 'policyArn'],
  ['detail', 'requestParameters', 'repositoryName'],
] as const;

const WRONG_VALUES: readonly unknown[] = [
  42,
  -1,
  1.5e308,
  0.1,
  true,
  false,
  null,
  [],
  {},
  '',
  'x',
  [1, 'a'],
  { a: 1 },
];
const CONTROLS = [
  '\u001b[2J\u001b[1;31mALL CHECKS PASSED',
  '\u0000',
  '\u009b2J',
  '\u007f',
  '\r\n',
  '\u001b]0;t\u0007',
];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

/** Every slot of the event, without recursion (samples are small; hostile parts are added after). */
function slots(event: Json): Slot[] {
  const found: Slot[] = [];
  const stack: Container[] = [event];
  while (stack.length > 0) {
    const current = stack.pop() as Container;
    const keys: (string | number)[] = Array.isArray(current)
      ? current.map((_, index) => index)
      : Object.keys(current);
    for (const key of keys) {
      found.push({ parent: current, key });
      const value = (current as Record<string | number, unknown>)[key];
      if (isContainer(value)) stack.push(value);
    }
  }
  return found;
}

function get(slot: Slot): unknown {
  return (slot.parent as Record<string | number, unknown>)[slot.key];
}

/** Sets a slot as an own property, even `__proto__`. */
function set(slot: Slot, value: unknown): void {
  Object.defineProperty(slot.parent, slot.key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The slot at a path, creating objects on the way. */
function at(event: Json, path: readonly string[]): Slot {
  let parent: Json = event;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (!isContainer(next) || Array.isArray(next)) set({ parent, key }, {});
    parent = parent[key] as Json;
  }
  return { parent, key: path[path.length - 1] as string };
}

/** `depth` levels of arrays or objects around a value, built without recursion. */
function nest(value: unknown, depth: number, kind: 'array' | 'object'): unknown {
  let nested = value;
  for (let level = 0; level < depth; level++) nested = kind === 'array' ? [nested] : { a: nested };
  return nested;
}

function insert(text: string, piece: string, random: Random): string {
  const position = random.int(text.length + 1);
  return text.slice(0, position) + piece + text.slice(position);
}

function randomSlot(event: Json, random: Random): Slot {
  const all = slots(event);
  return all.length > 0 ? random.pick(all) : { parent: event, key: 'detail' };
}

function longName(random: Random): string {
  const unit = random.pick(['n', 'é', '\u{1f600}', 'a/']);
  const bytes = 251 + random.int(150);
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/** The hostile kinds of change, each named (for a failure's message) and applied in place. */
export const MUTATIONS: Record<string, (event: Json, random: Random) => void> = {
  wrongType(event, random) {
    set(randomSlot(event, random), structuredClone(random.pick(WRONG_VALUES)));
  },
  deleteField(event, random) {
    const slot = randomSlot(event, random);
    if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
    else delete slot.parent[slot.key];
  },
  deepInInspectedField(event, random) {
    const slot = at(event, random.pick(INSPECTED));
    set(slot, nest(get(slot) ?? 'x', random.pick([1100, 1101, 100_000]), 'array'));
  },
  deepAnywhere(event, random) {
    const slot = randomSlot(event, random);
    set(
      slot,
      nest(get(slot), random.pick([50, 1101, 5000, 20_000]), random.pick(['array', 'object'] as const)),
    );
  },
  hugeString(event, random) {
    const size = random.pick([300, 64 * 1024, 255 * 1024, 256 * 1024 + 1, 300 * 1024]);
    const slot = random.chance(0.5) ? at(event, random.pick(INSPECTED)) : randomSlot(event, random);
    set(slot, 'x'.repeat(size));
  },
  loneSurrogate(event, random) {
    const slot = random.chance(0.6) ? at(event, random.pick(NAMES)) : randomSlot(event, random);
    const current = get(slot);
    set(slot, insert(typeof current === 'string' ? current : 'prod', random.pick(SURROGATES), random));
  },
  controlCharacters(event, random) {
    const slot = random.chance(0.5)
      ? at(event, random.pick([...NAMES, ...INSPECTED]))
      : randomSlot(event, random);
    const current = get(slot);
    set(slot, insert(typeof current === 'string' ? current : 'prod', random.pick(CONTROLS), random));
  },
  prototypeKeys(event, random) {
    const objects = slots(event)
      .map(get)
      .filter((value): value is Json => isContainer(value) && !Array.isArray(value));
    const target = random.pick([event, ...objects]);
    set(
      { parent: target, key: random.pick(PROTOTYPE_KEYS) },
      random.pick([{ eventName: 'CreateCluster' }, 'x', null, [1]]),
    );
    if (random.chance(0.5))
      set(
        at(
          event,
          random.pick([
            ['detail', 'eventName'],
            ['detail', 'eventSource'],
          ]),
        ),
        random.pick(PROTOTYPE_KEYS),
      );
  },
  nameOver250Bytes(event, random) {
    set(at(event, random.pick(NAMES)), longName(random));
  },
  envelope(event, random) {
    const [field, values] = random.pick([
      ['time', ['yesterday', '2023-02-29T02:36:48Z', '2019-11-11', 1573507794, '']],
      ['account', ['me', '12345678901', '1234567890123', 123456789012, '']],
      ['region', ['region-code', 'mars-1', 'US-EAST-1', 'eu-west-1 ', 7]],
      ['detail', [null, [], 'detail', 0]],
      ['resources', ['arn', [1], null]],
    ] as const);
    set({ parent: event, key: field }, random.pick(values as readonly unknown[]));
  },
};

/**
 * One hostile event from a sample: a copy of it with 1 to 3 mutations; also says which.
 * @example const { event, applied } = mutateEvent(sample, random);
 */
export function mutateEvent(sample: Json, random: Random): { event: Json; applied: string[] } {
  const event = structuredClone(sample);
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  const count = 1 + random.int(3);
  for (let index = 0; index < count; index++) {
    // the costly ones (deep, huge) are rarer, so that 20,000 events stay quick
    let name = random.pick(names);
    if ((name.startsWith('deep') || name === 'hugeString') && !random.chance(0.15))
      name = random.pick(names.slice(0, 2));
    (MUTATIONS[name] as (event: Json, random: Random) => void)(event, random);
    applied.push(name);
  }
  return { event, applied };
}
