import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { globPatternProblem } from '@customs/core';
import { type StoreContext, storeContext } from './context.js';
import { InvalidSuppressionError } from './errors.js';
import type { FindingsRepositoryOptions } from './findings-repository.js';
import type { Decision } from './lifecycle.js';
import type { FindingChange, StoredFinding } from './model.js';
import { type Change, decideSuppression, decideUnsuppression } from './suppression-decisions.js';
import {
  coversFinding,
  isActiveAt,
  markOf,
  type Suppression,
  suppressionFor,
  suppressionFromItem,
  suppressionItem,
  suppressionKey,
} from './suppressions.js';
import { failingCandidates, readSuppressions } from './suppressions-store.js';
import { applyDecision } from './write-change.js';
import { changeLine, settleAll } from './write-findings.js';

/** What a caller asks to suppress (README.md, "Suppressions"). */
export type NewSuppression = Pick<
  Suppression,
  'checkId' | 'resourcePattern' | 'reason' | 'owner' | 'expiresAt'
>;

/** A suppression change and the findings it moved. */
export interface SuppressionOutcome {
  suppression: Suppression;
  changes: FindingChange[];
}

/**
 * Suppressions on the findings table: creating one suppresses the OPEN failures it covers at once,
 * deleting or expiring one reopens them; each change is the findings' usual conditional, versioned
 * transaction with a history entry naming the suppression, who and why. Reads are Queries.
 * @example
 * const suppressions = new SuppressionsRepository({ client: createStoreClient(), tableName });
 * const { suppression } = await suppressions.create({ checkId: 'iam-user-mfa-enabled', reason, owner, expiresAt }, 'alice');
 */
export class SuppressionsRepository {
  readonly #context: StoreContext;
  readonly #concurrency: number;

  constructor(options: FindingsRepositoryOptions) {
    this.#context = storeContext(options);
    this.#concurrency = options.concurrency ?? 8;
  }

  /**
   * Stores a suppression, then suppresses the OPEN failures it covers.
   * @example await suppressions.create({ resourcePattern: 'arn:aws:ecr:*:repository/sandbox/*', reason: 'Sandbox', owner: 'platform', expiresAt: '2026-12-31T00:00:00.000Z' }, 'alice');
   */
  async create(request: NewSuppression, actor: string): Promise<SuppressionOutcome> {
    const change = this.#change(actor);
    const suppression = newSuppression(request, change);
    await this.#context.doc.send(
      new PutCommand({
        TableName: this.#context.tableName,
        Item: suppressionItem(suppression),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    const open = await failingCandidates(this.#context, suppression, { state: 'OPEN' });
    const covered = open.filter((finding) => coversFinding(suppression, finding));
    const mark = markOf(suppression);
    const changes = await this.#apply(covered, (current) => decideSuppression(current, mark, change));
    return { suppression, changes };
  }

  /**
   * How many OPEN failures a suppression of `request` would cover now, without storing anything
   * (the same Query `create` runs): what POST /suppressions weighs against `maxSuppressionMatches`.
   * @example await suppressions.coverage({ resourcePattern: '*' }); // 61
   */
  async coverage(request: Pick<NewSuppression, 'checkId' | 'resourcePattern'>): Promise<number> {
    const open = await failingCandidates(this.#context, request, { state: 'OPEN' });
    return open.filter((finding) => coversFinding(request, finding)).length;
  }

  /** Every stored suppression, the expired ones too, soonest expiry first (one Query). */
  list(): Promise<Suppression[]> {
    return readSuppressions(this.#context);
  }

  /** @example const suppression = await suppressions.get(id); */
  async get(id: string): Promise<Suppression | undefined> {
    const { Item } = await this.#context.doc.send(
      new GetCommand({ TableName: this.#context.tableName, Key: suppressionKey(id) }),
    );
    return Item ? suppressionFromItem(Item) : undefined;
  }

  /**
   * Deletes a suppression and reopens the findings it covered (or hands them to another active
   * suppression that covers them). `undefined` when there is no such suppression.
   * @example await suppressions.delete(id, 'alice');
   */
  async delete(id: string, actor: string): Promise<SuppressionOutcome | undefined> {
    const { Attributes } = await this.#context.doc
      .send(
        new DeleteCommand({
          TableName: this.#context.tableName,
          Key: suppressionKey(id),
          ConditionExpression: 'attribute_exists(PK)',
          ReturnValues: 'ALL_OLD',
        }),
      )
      .catch(function missing(error: unknown): { Attributes?: Record<string, unknown> } {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return {};
        throw error;
      });
    if (!Attributes) return undefined;
    const suppression = suppressionFromItem(Attributes);
    const changes = await this.#end(
      suppression,
      `Suppression ${id} deleted by ${actor}`,
      this.#change(actor),
    );
    return { suppression, changes };
  }

  /**
   * Reopens the findings still covered by suppressions that have expired (`reopened`). Evaluations
   * already ignore expired suppressions, so a sweep reopens them too; this does it without one.
   * @example await suppressions.expire('customs-sweep');
   */
  async expire(actor: string): Promise<FindingChange[]> {
    const change = this.#change(actor);
    const expired = (await readSuppressions(this.#context)).filter(
      (each) => !isActiveAt(each, change.at) && each.endedAt === undefined,
    );
    const changes: FindingChange[] = [];
    for (const suppression of expired) {
      const why = `Suppression ${suppression.id} expired at ${suppression.expiresAt}`;
      changes.push(...(await this.#end(suppression, why, change)));
      await this.#context.doc
        .send(
          new UpdateCommand({
            TableName: this.#context.tableName,
            Key: suppressionKey(suppression.id),
            UpdateExpression: 'SET #endedAt = :at',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#endedAt': 'endedAt' },
            ExpressionAttributeValues: { ':at': change.at },
          }),
        )
        .catch(function deletedMeanwhile(error: unknown) {
          if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
        });
    }
    return changes;
  }

  #change(actor: string): Change {
    return { actor, at: this.#context.clock().toISOString() };
  }

  async #end(suppression: Suppression, why: string, change: Change): Promise<FindingChange[]> {
    const covered = await failingCandidates(this.#context, suppression, { suppressionId: suppression.id });
    if (covered.length === 0) return [];
    const others = (await readSuppressions(this.#context, change.at)).filter(
      (each) => each.id !== suppression.id,
    );
    return this.#apply(covered, function reopen(current) {
      const replacement = suppressionFor({ ...current, evaluatedAt: change.at }, undefined, others);
      return decideUnsuppression(current, suppression.id, replacement, why, change);
    });
  }

  #apply(findings: StoredFinding[], decide: (current: StoredFinding) => Decision): Promise<FindingChange[]> {
    const context = this.#context;
    return settleAll(findings, this.#concurrency, async function changeFinding(finding) {
      const applied = await applyDecision(context, finding.id, finding, (current) =>
        current ? decide(current) : { transition: 'unchanged' },
      );
      return changeLine(applied, finding);
    });
  }
}

function newSuppression(request: NewSuppression, change: Change): Suppression {
  if (request.checkId === undefined && request.resourcePattern === undefined) {
    throw new InvalidSuppressionError('A suppression names a checkId, a resourcePattern or both');
  }
  const patternProblem =
    request.resourcePattern === undefined ? undefined : globPatternProblem(request.resourcePattern);
  if (patternProblem !== undefined) throw new InvalidSuppressionError(`resourcePattern: ${patternProblem}`);
  const expires = new Date(request.expiresAt);
  if (Number.isNaN(expires.getTime()) || expires.getTime() <= Date.parse(change.at)) {
    throw new InvalidSuppressionError(`expiresAt must be a future time, got ${request.expiresAt}`);
  }
  return {
    id: randomUUID(),
    ...(request.checkId === undefined ? {} : { checkId: request.checkId }),
    ...(request.resourcePattern === undefined ? {} : { resourcePattern: request.resourcePattern }),
    reason: request.reason,
    owner: request.owner,
    expiresAt: expires.toISOString(),
    createdAt: change.at,
    createdBy: change.actor,
  };
}
