import type { IncompleteScope } from '../collector/collector.js';
import type { Scope } from '../normalise/wire.js';
import type { AwsSession } from '../session/session.js';
import type { IncrementalReads } from './image-reads.js';

/** What the readers share during one collect call: the session they call through and the scope. */
export interface ReadContext {
  session: AwsSession;
  scope: Scope;
  /** How long to wait for IAM to generate the credential report (AWS only). */
  reportPolling: ReportPolling;
  /** Where the readers record what they could not enumerate (the collect result's `incomplete`). */
  incomplete: IncompleteScope[];
  /** When given, ECR images' per-image reads are made only when new or due (`image-reads.ts`). */
  imageReads?: IncrementalReads;
}

/** How long to wait for IAM to generate the credential report. */
export interface ReportPolling {
  /** GenerateCredentialReport / GetCredentialReport rounds before giving up [10]. */
  attempts: number;
  /** Pause between rounds, in milliseconds [2000]. */
  delayMs: number;
}

export const DEFAULT_REPORT_POLLING: ReportPolling = { attempts: 10, delayMs: 2000 };
