import {
  BatchImportFindingsCommand,
  BatchUpdateFindingsCommand,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { asffFinding, asffProblems } from '../asff/index.js';
import type { FindingEventPublisher, PublishOutcome } from '../eventbridge/index.js';
import { PRODUCT_VERSION } from '../interchange/index.js';
import {
  type BackoffPolicy,
  backoffDelay,
  type Clock,
  type RateLimit,
  realClock,
  realSleep,
  type Sleep,
  TokenBucket,
} from '../retry/index.js';
import type { FindingTransition } from '../transitions/index.js';
import { workflowChangeOf } from './workflow-updates.js';

/** BatchImportFindings and BatchUpdateFindings: at most 100 findings a call. */
export const SECURITY_HUB_BATCH = 100;
/** Security Hub's documented rate for BatchImportFindings: 10 requests a second, bursts of 30. */
export const SECURITY_HUB_RATE: RateLimit = { perSecond: 10, burst: 30 };

export interface SecurityHubPublisherOptions {
  client: SecurityHubClient;
  /** The region the findings are imported into (the client's). */
  region: string;
  /** Attempts for what failed (a FailedFindings entry, throttling, a 5xx); 5 attempts, 500 ms doubling to 10 s. */
  retry?: BackoffPolicy;
  rate?: RateLimit;
  clock?: Clock;
  sleep?: Sleep;
}

const DEFAULT_RETRY: BackoffPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };
/** Errors that no retry mends: the call is refused as such. */
const FINAL_ERRORS = new Set(['AccessDeniedException', 'InvalidAccessException', 'InvalidInputException']);

type Call = (indexes: number[]) => Promise<{ failed: Map<number, string> }>;

/**
 * The Security Hub target of the fan-out: each transition's finding as ASFF (`asffFinding`), imported
 * with BatchImportFindings in calls of at most 100, paced under Security Hub's rate (a token
 * bucket shared by every call of this publisher); a later change of its workflow status
 * (resolved, suppressed, reopened from suppression) then with BatchUpdateFindings on the same `Id`,
 * which BatchImportFindings cannot change. What Security Hub refuses (`FailedFindings`,
 * `UnprocessedFindings`, throttling, a 5xx) is retried with backoff; what still fails, or can never
 * succeed (access denied, a document the ASFF rules refuse), is `failed` with the reason, never
 * counted as delivered: the fan-out leaves it pending in the outbox.
 * @example const securityHub = securityHubPublisher({ client: new SecurityHubClient({}), region: 'eu-west-1' });
 */
export function securityHubPublisher(options: SecurityHubPublisherOptions): FindingEventPublisher {
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? realSleep;
  const bucket = new TokenBucket(options.rate ?? SECURITY_HUB_RATE, options.clock ?? realClock, sleep);

  /** Runs `call` over `indexes` in batches of 100, retrying what failed, until all pass or attempts run out. */
  async function withRetries(indexes: number[], call: Call, failed: Map<number, string>): Promise<number[]> {
    let todo = indexes;
    const done: number[] = [];
    for (let attempt = 1; todo.length > 0; attempt++) {
      const again: number[] = [];
      for (let start = 0; start < todo.length; start += SECURITY_HUB_BATCH) {
        const batch = todo.slice(start, start + SECURITY_HUB_BATCH);
        await bucket.take();
        let outcome: { failed: Map<number, string> };
        try {
          outcome = await call(batch);
        } catch (error) {
          const name = error instanceof Error ? error.name : 'Error';
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          outcome = { failed: new Map(batch.map((index) => [index, reason])) };
          if (FINAL_ERRORS.has(name)) {
            for (const index of batch) failed.set(index, reason);
            continue;
          }
        }
        for (const index of batch) {
          const reason = outcome.failed.get(index);
          if (reason === undefined) done.push(index);
          else if (attempt >= retry.maxAttempts) failed.set(index, `${reason} (after ${attempt} attempts)`);
          else again.push(index);
        }
      }
      if (again.length === 0) break;
      await sleep(backoffDelay(retry, attempt));
      todo = again;
    }
    return done;
  }

  async function publish(transitions: readonly FindingTransition[]): Promise<PublishOutcome> {
    const documents = transitions.map((transition) =>
      asffFinding(transition.finding, { region: options.region, productVersion: PRODUCT_VERSION }),
    );
    const failed = new Map<number, string>();
    const valid: number[] = [];
    for (const [index, document] of documents.entries()) {
      const problems = asffProblems(document);
      if (problems.length === 0) valid.push(index);
      else failed.set(index, `not a finding Security Hub accepts: ${problems.join('; ')}`);
    }
    const imported = await withRetries(
      valid,
      async function importFindings(batch) {
        const response = await options.client.send(
          new BatchImportFindingsCommand({
            Findings: batch.map((index) => documents[index]) as typeof documents,
          }),
        );
        const byId = new Map(batch.map((index) => [documents[index]?.Id, index]));
        const refused = new Map<number, string>();
        for (const entry of response.FailedFindings ?? []) {
          const index = byId.get(entry.Id);
          if (index !== undefined)
            refused.set(index, `${entry.ErrorCode ?? 'FailedFinding'}: ${entry.ErrorMessage ?? ''}`);
        }
        if ((response.FailedCount ?? 0) > refused.size) {
          for (const index of batch)
            if (!refused.has(index)) refused.set(index, 'counted as failed, not named');
        }
        return { failed: refused };
      },
      failed,
    );
    const updated = await updateWorkflows(imported, transitions, documents, failed);
    return {
      delivered: updated.sort((a, b) => a - b),
      failed: [...failed].map(([index, reason]) => ({ index, reason })),
    };
  }

  /** BatchUpdateFindings for each imported finding whose workflow status the transition changes, one call per status. */
  async function updateWorkflows(
    imported: number[],
    transitions: readonly FindingTransition[],
    documents: ReturnType<typeof asffFinding>[],
    failed: Map<number, string>,
  ): Promise<number[]> {
    const byStatus = new Map<string, number[]>();
    const delivered: number[] = [];
    for (const index of imported) {
      const status = workflowChangeOf(transitions[index] as FindingTransition);
      if (status === undefined) delivered.push(index);
      else byStatus.set(status, [...(byStatus.get(status) ?? []), index]);
    }
    for (const [status, indexes] of byStatus) {
      const done = await withRetries(
        indexes,
        async function updateWorkflow(batch) {
          const identifiers = batch.map((index) => ({
            Id: documents[index]?.Id as string,
            ProductArn: documents[index]?.ProductArn as string,
          }));
          const response = await options.client.send(
            new BatchUpdateFindingsCommand({
              FindingIdentifiers: identifiers,
              Workflow: { Status: status as 'NEW' },
              Note: { Text: `Customs: the finding is ${status.toLowerCase()}`, UpdatedBy: 'customs' },
            }),
          );
          const byId = new Map(batch.map((index) => [documents[index]?.Id, index]));
          const refused = new Map<number, string>();
          for (const entry of response.UnprocessedFindings ?? []) {
            const index = byId.get(entry.FindingIdentifier?.Id);
            if (index !== undefined)
              refused.set(index, `${entry.ErrorCode ?? 'Unprocessed'}: ${entry.ErrorMessage ?? ''}`);
          }
          return { failed: refused };
        },
        failed,
      );
      delivered.push(...done);
    }
    return delivered;
  }

  return { target: `securityhub:${options.region}`, publish };
}
