import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@customs/core';
import { type StoreContext, type StoreContextOptions, storeContext } from './context.js';
import { type DigestDeployment, deploymentsOfDigest, type MovedDigest } from './deployment-index.js';
import { readEvaluations } from './evaluation-record.js';
import { type ImageReadFacts, imageReadsOf, recordImageReads } from './image-reads.js';
import { findingFromItem, historyFromItem } from './items.js';
import { findingKey, HISTORY_PREFIX } from './keys.js';
import { type FindingFilters, planListing } from './list-plan.js';
import type { FindingChange, HistoryEntry, Page, ResourceEvaluation, StoredFinding } from './model.js';
import {
  type DailyPosture,
  type PostureRecorded,
  readPostureDays,
  recordDailyPosture,
} from './posture-days.js';
import { type MissingScope, type NamedResource, namedFindings, unseenFindings } from './removal-scope.js';
import { queryPage } from './run-query.js';
import {
  type AccountCounts,
  type FindingsSummary,
  readAccounts,
  readSummary,
  type SummaryScope,
} from './summary.js';
import { type SweepRunEnd, writeSweepRunEnd } from './sweep-runs.js';
import { type IndexOptions, resourceFindings, writeEvaluation, writeRemovals } from './write-findings.js';

export interface FindingsRepositoryOptions extends StoreContextOptions {
  /** Resources (each with its findings) written in parallel; 8 by default. */
  concurrency?: number;
}

export interface PageOptions {
  /** At most this many items (1 to 1000); 100 by default. */
  limit?: number;
  /** The cursor of the previous page. */
  cursor?: string;
}

/**
 * The findings store on one DynamoDB table (README.md): writes only what changed, each change one
 * conditional, versioned transaction; every read a GetItem or a Query, never a Scan.
 * @example
 * const repository = new FindingsRepository({ client: createStoreClient(), tableName: 'customs-findings' });
 * const changes = await repository.applyEvaluation(evaluate(cluster));
 */
export class FindingsRepository {
  readonly #context: StoreContext;
  readonly #concurrency: number;
  readonly #options: FindingsRepositoryOptions;

  constructor(options: FindingsRepositoryOptions) {
    this.#options = options;
    this.#context = storeContext(options);
    this.#concurrency = options.concurrency ?? 8;
  }

  /**
   * The same repository, its finding writes marked with a sweep run (`sweepRun`, sweep-runs.ts):
   * the fan-out holds the Slack messages of their transitions for the run's digest.
   * @example const marked = repository.forSweepRun(sweepRunId(new Date()));
   */
  forSweepRun(runId: string): FindingsRepository {
    return new FindingsRepository({ ...this.#options, sweepRun: runId });
  }

  /**
   * Writes a sweep run's end marker (one conditional PutItem, idempotent): it reaches the fan-out
   * through the stream, which then sends the run's held messages, one digest per webhook.
   * @example await repository.endSweepRun(runId);
   */
  endSweepRun(runId: string): Promise<SweepRunEnd> {
    return writeSweepRunEnd(this.#context, runId);
  }

  /**
   * Stores the findings of an evaluation; the findings of one resource are that resource's
   * evaluation, at their latest `evaluatedAt`. An evaluation older than the resource's latest is
   * ignored (`stale`, no write); an unchanged one costs one small write (the resource's evaluation
   * record), whatever its number of findings; the changes of a resource are one transaction.
   * `deployments` (by resource id) are the digests deployments run, kept in the digest →
   * deployments index in the same transactions (README.md, "Deployed digests"); the digests whose
   * entries moved are pushed to `moved`.
   * @example const changes = await repository.applyEvaluation(findings); // [{ transition: 'opened', ... }]
   */
  applyEvaluation(
    findings: readonly Finding[],
    options: { concurrency?: number } & IndexOptions = {},
  ): Promise<FindingChange[]> {
    return writeEvaluation(this.#context, findings, options.concurrency ?? this.#concurrency, options);
  }

  /**
   * The deployments that run a digest (`sha256:…`), as their latest evaluations indexed them: one
   * Query (`PK = DIGEST#<digest>`), never a Scan.
   * @example const running = await repository.deploymentsOfDigest('sha256:…'); // [{ resourceType: 'ecs-task-definition', count: 3, … }]
   */
  deploymentsOfDigest(digest: string): Promise<DigestDeployment[]> {
    return deploymentsOfDigest(this.#context, digest);
  }

  /**
   * Resolves every finding of a deleted resource: RESOLVED, status NOT_APPLICABLE, `reason` as message.
   * @example await repository.resolveResource(repositoryArn, 'Repository deleted', { at: event.time });
   */
  async resolveResource(
    resourceId: string,
    reason: string,
    options: { at?: string } = {},
  ): Promise<FindingChange[]> {
    const at = options.at ?? this.#context.clock().toISOString();
    const findings = await resourceFindings(this.#context, resourceId);
    return writeRemovals(this.#context, findings, reason, at, this.#concurrency);
  }

  /**
   * After a sweep: resolves the findings, in its account, region and resource types, of resources
   * that the sweep did not find (Query on byAccountRegion per resource type), narrowed by `inScope`.
   * @example await repository.resolveMissing({ accountId, region, resourceTypes: ['ecr-repository'], presentResourceIds: arns, reason: 'Not found by the sweep', at });
   */
  async resolveMissing(
    scope: MissingScope,
    options: { moved?: MovedDigest[] } = {},
  ): Promise<FindingChange[]> {
    const missing = await unseenFindings(this.#context, scope);
    return writeRemovals(this.#context, missing, scope.reason, scope.at, this.#concurrency, options);
  }

  /**
   * Resolves the findings of a deleted resource known by its name only (an event's resource ref):
   * Query on byAccountRegion for the resource type, filtered on `resourceName`.
   * @example await repository.resolveNamed({ accountId, region, resourceType: 'ecr-repository', resourceName: 'team/app', reason: 'Repository deleted', at });
   */
  async resolveNamed(
    named: NamedResource,
    options: { moved?: MovedDigest[] } = {},
  ): Promise<FindingChange[]> {
    const findings = await namedFindings(this.#context, named);
    return writeRemovals(this.#context, findings, named.reason, named.at, this.#concurrency, options);
  }

  /**
   * The resource's evaluation record: the time and digest of its latest evaluation (or removal)
   * that the store accepted.
   * @example const { evaluatedAt } = (await repository.getResourceEvaluation(clusterArn)) ?? {};
   */
  async getResourceEvaluation(resourceId: string): Promise<ResourceEvaluation | undefined> {
    return (await readEvaluations(this.#context, [resourceId])).get(resourceId);
  }

  /**
   * The per-image facts last read of a repository's ECR images (one Query of its partition), so a
   * sweep re-reads only the images that are new or due (`@customs/aws`, `IncrementalReads`).
   * @example const facts = await repository.imageReadsOf(repositoryArn); // [{ digest, readAt, … }]
   */
  imageReadsOf(repositoryArn: string): Promise<ImageReadFacts[]> {
    return imageReadsOf(this.#context, repositoryArn);
  }

  /**
   * Records the per-image facts just read of a repository's images and forgets the digests gone.
   * @example await repository.recordImageReads(repositoryArn, [{ digest, referrerArtifactTypes: [], readAt }], []);
   */
  recordImageReads(
    repositoryArn: string,
    read: readonly ImageReadFacts[],
    gone: readonly string[],
  ): Promise<void> {
    return recordImageReads(this.#context, repositoryArn, read, gone);
  }

  /** @example const finding = await repository.getFinding(findingId('ecr-repository-scan-on-push', arn)); */
  async getFinding(findingId: string): Promise<StoredFinding | undefined> {
    const { Item } = await this.#context.doc.send(
      new GetCommand({ TableName: this.#context.tableName, Key: findingKey(findingId) }),
    );
    return Item ? findingFromItem(Item) : undefined;
  }

  /**
   * A finding's history, newest first.
   * @example const { items, cursor } = await repository.history(id, { limit: 20 });
   */
  async history(findingId: string, options: PageOptions = {}): Promise<Page<HistoryEntry>> {
    const plan = {
      partitions: [{ pk: `F#${findingId}`, prefix: HISTORY_PREFIX }],
      filters: {},
      scanForward: false,
    };
    const page = await queryPage(this.#context, plan, pageLimit(options.limit), options.cursor);
    return { ...page, items: page.items.map(historyFromItem) };
  }

  /**
   * Findings matching every given filter, one page at a time (the index is chosen from the filters).
   * @example const page = await repository.listFindings({ status: 'FAIL', severity: 'critical', limit: 100 });
   */
  async listFindings(query: FindingFilters & PageOptions = {}): Promise<Page<StoredFinding>> {
    const { limit, cursor, ...filters } = query;
    const page = await queryPage(this.#context, planListing(filters), pageLimit(limit), cursor);
    return { ...page, items: page.items.map(findingFromItem) };
  }

  /** @example const findings = await repository.findingsForResource('arn:aws:eks:eu-west-1:111122223333:cluster/prod'); */
  findingsForResource(resourceId: string): Promise<StoredFinding[]> {
    return resourceFindings(this.#context, resourceId);
  }

  /**
   * The summary of every current finding, or of one account's (`accountId`), or of the ECR image
   * findings whose image runs only (`inUse: true`): one Query on the scope's counters.
   * @example const { recommendation } = await repository.summary({ accountId: '111122223333' }); recommendation['CSA-4']?.score;
   */
  summary(scope: Omit<SummaryScope, 'consistent'> = {}): Promise<FindingsSummary> {
    return readSummary(this.#context, scope);
  }

  /**
   * The accounts that hold current findings, in id order, with their counts (one Query).
   * @example (await repository.accounts()).map((account) => account.accountId); // ['111122223333']
   */
  accounts(): Promise<AccountCounts[]> {
    return readAccounts(this.#context);
  }

  /**
   * Records the current summary as today's (UTC) posture: one consistent Query of the counters and
   * one conditional PutItem that a later reading of the day wins (README.md, "Daily posture"); and
   * the same for each of `accounts` (the accounts whose findings the caller wrote).
   * @example await repository.recordDailyPosture({ accounts: ['111122223333'] }); // { date: '2026-11-21', asOf: '…', written: true, accounts: [...] }
   */
  recordDailyPosture(options: { accounts?: readonly string[] } = {}): Promise<PostureRecorded> {
    return recordDailyPosture(this.#context, options);
  }

  /**
   * The daily posture records from `from` to `to` (UTC days, `YYYY-MM-DD`, both included), oldest
   * first; days without a record are absent; one account's records with `accountId`, the in-use
   * images' counts with `inUse`. One Query.
   * @example const days = await repository.postureDays('2026-11-15', '2026-11-21', { accountId: '111122223333' });
   */
  postureDays(
    from: string,
    to: string,
    options: { accountId?: string; inUse?: boolean } = {},
  ): Promise<DailyPosture[]> {
    return readPostureDays(this.#context, from, to, options);
  }
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new RangeError(`limit must be an integer from 1 to 1000, got ${limit}`);
  }
  return limit;
}
