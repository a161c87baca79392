import { safeText } from '@customs/core';

/** Warnings about one body stop at this many, so that a hostile body cannot flood the log. */
export const MAX_WARNINGS_PER_BODY = 5;

/** `tags` of an ECS resource (`[{ key, value }]`) as a record; entries without a key are dropped. */
export function tagsOf(
  tags: readonly { key?: string; value?: string }[] | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.key !== undefined) record[tag.key] = tag.value ?? '';
  return record;
}

/** A capacity provider strategy, entries without a provider dropped. */
export function strategyOf(
  strategy: readonly { capacityProvider?: string; weight?: number; base?: number }[] | undefined,
): { capacityProvider: string; weight?: number; base?: number }[] {
  return (strategy ?? []).flatMap((item) =>
    item.capacityProvider
      ? [
          {
            capacityProvider: item.capacityProvider,
            ...(item.weight === undefined ? {} : { weight: item.weight }),
            ...(item.base === undefined ? {} : { base: item.base }),
          },
        ]
      : [],
  );
}

/**
 * Collects what was odd about one body, at most {@link MAX_WARNINGS_PER_BODY} messages (then one
 * saying how many more), each naming the resource, its untrusted text made safe.
 */
export class BodyWarnings {
  readonly #subject: string;
  readonly #messages: string[] = [];
  #more = 0;

  constructor(subject: string) {
    this.#subject = safeText(subject, { maxLength: 200 });
  }

  add(message: string): void {
    if (this.#messages.length < MAX_WARNINGS_PER_BODY) {
      this.#messages.push(`${this.#subject}: ${safeText(message, { maxLength: 300 })}`);
    } else this.#more += 1;
  }

  get list(): string[] {
    return this.#more > 0
      ? [...this.#messages, `${this.#subject}: ${this.#more} more odd field(s) not listed`]
      : [...this.#messages];
  }
}

/**
 * The name after the last `/` of an ECS ARN (`…:cluster/prod` → `prod`, `…:task-definition/web:3`
 * → `web:3`), or the text itself when it is a name already.
 * @example lastName('arn:aws:ecs:us-east-1:123456789012:service/prod/web') // 'web'
 */
export function lastName(arnOrName: string): string {
  const slash = arnOrName.lastIndexOf('/');
  return slash >= 0 ? arnOrName.slice(slash + 1) : arnOrName;
}

/**
 * `family:revision` of a task definition ARN or reference; undefined when it has no revision.
 * @example familyRevision('arn:aws:ecs:us-east-1:123456789012:task-definition/web:3') // { family: 'web', revision: 3 }
 */
export function familyRevision(
  arnOrName: string | undefined,
): { family: string; revision: number } | undefined {
  if (!arnOrName) return undefined;
  const name = lastName(arnOrName);
  const colon = name.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const revision = Number(name.slice(colon + 1));
  if (!Number.isSafeInteger(revision) || revision < 1) return undefined;
  return { family: name.slice(0, colon), revision };
}
