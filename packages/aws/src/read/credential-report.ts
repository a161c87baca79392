import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { deniedAs } from '../live/aws-errors.js';
import type { ReadContext, ReportPolling } from './context.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The IAM credential report (the `iam/GetCredentialReport.json` body): from AWS,
 * GenerateCredentialReport until its `State` is COMPLETE, then GetCredentialReport (which also
 * answers ReportInProgress while the report is being made), within `reportPolling.attempts`
 * rounds. Not ready in time: unreadable, and the per-user calls are used.
 */
export function readCredentialReport(context: ReadContext) {
  const polling = context.reportPolling;
  return context.session.read(
    { service: 'iam', operation: 'GetCredentialReport' },
    async function generateThenGet(limited, aws) {
      for (let round = 1; round <= polling.attempts; round += 1) {
        if (round > 1) await sleep(polling.delayMs);
        const generated = await limited(() => aws.iam.send(new GenerateCredentialReportCommand({}))).catch(
          (error: unknown) => {
            throw deniedAs(error, 'iam:GenerateCredentialReport');
          },
        );
        if (generated.State !== 'COMPLETE') continue;
        try {
          return [await limited(() => aws.iam.send(new GetCredentialReportCommand({})))];
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
