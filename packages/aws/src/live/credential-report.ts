import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type GetCredentialReportResponse,
} from '@aws-sdk/client-iam';
import type { Known } from '../normalise/unreadable.js';
import { deniedAs } from './aws-errors.js';
import type { LiveContext } from './context.js';

/** How long to wait for IAM to generate the credential report. */
export interface ReportPolling {
  /** GenerateCredentialReport / GetCredentialReport rounds before giving up [10]. */
  attempts: number;
  /** Pause between rounds, in milliseconds [2000]. */
  delayMs: number;
}

export const DEFAULT_REPORT_POLLING: ReportPolling = { attempts: 10, delayMs: 2000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The IAM credential report: GenerateCredentialReport until its `State` is COMPLETE, then
 * GetCredentialReport (which also answers ReportInProgress while the report is being made),
 * within `polling.attempts` rounds. Not ready in time: unreadable, and the per-user calls are used.
 */
export function readCredentialReport(
  context: LiveContext,
  polling: ReportPolling,
): Promise<Known<GetCredentialReportResponse>> {
  const { session } = context;
  const { iam } = session.clients;
  return session.read(
    { service: 'iam', operation: 'GetCredentialReport' },
    async function generateThenGet(limited) {
      for (let round = 1; round <= polling.attempts; round += 1) {
        if (round > 1) await sleep(polling.delayMs);
        const generated = await limited(() => iam.send(new GenerateCredentialReportCommand({}))).catch(
          (error: unknown) => {
            throw deniedAs(error, 'iam:GenerateCredentialReport');
          },
        );
        if (generated.State !== 'COMPLETE') continue;
        try {
          return [await limited(() => iam.send(new GetCredentialReportCommand({})))];
        } catch (error) {
          if ((error as Error).name !== 'CredentialReportNotReadyException') throw error;
        }
      }
      throw new ReportNotReady(polling);
    },
  );
}

/** The report was still being generated after the polling rounds. */
class ReportNotReady extends Error {
  override name = 'ReportNotReady';
  readonly $fault = 'client';
  constructor(polling: ReportPolling) {
    super(
      `the credential report was not ready after ${polling.attempts} rounds of ${polling.delayMs} ms; the per-user calls are used`,
    );
  }
}
