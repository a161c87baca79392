import { CatalogError } from '../errors.js';
import type { Recommendation, ResourceType, Severity } from '../types/common.js';
import type { AnyCheck } from './define-check.js';

/**
 * Holds checks by id; refuses duplicates. Iteration order is registration order.
 * @example
 * const registry = new CheckRegistry([checkA, checkB]);
 * registry.byResourceType('eks-cluster');
 */
export class CheckRegistry {
  readonly #checks = new Map<string, AnyCheck>();
  readonly #byType = new Map<ResourceType, AnyCheck[]>();

  constructor(checks: Iterable<AnyCheck> = []) {
    for (const check of checks) this.register(check);
  }

  /** Adds a check; throws `CatalogError` when its id is taken. */
  register(check: AnyCheck): this {
    if (this.#checks.has(check.id)) throw new CatalogError(`duplicate check id ${check.id}`);
    this.#checks.set(check.id, check);
    const ofType = this.#byType.get(check.resourceType) ?? [];
    ofType.push(check);
    this.#byType.set(check.resourceType, ofType);
    return this;
  }

  get size(): number {
    return this.#checks.size;
  }

  get(id: string): AnyCheck | undefined {
    return this.#checks.get(id);
  }

  has(id: string): boolean {
    return this.#checks.has(id);
  }

  ids(): string[] {
    return [...this.#checks.keys()];
  }

  all(): AnyCheck[] {
    return [...this.#checks.values()];
  }

  byResourceType(type: ResourceType): readonly AnyCheck[] {
    return this.#byType.get(type) ?? [];
  }

  byRecommendation(recommendation: Recommendation): AnyCheck[] {
    return this.all().filter((check) => check.recommendation === recommendation);
  }

  bySeverity(severity: Severity): AnyCheck[] {
    return this.all().filter((check) => check.severity === severity);
  }

  /** A registry holding only the checks the predicate keeps. */
  filter(keep: (check: AnyCheck) => boolean): CheckRegistry {
    return new CheckRegistry(this.all().filter(keep));
  }
}
