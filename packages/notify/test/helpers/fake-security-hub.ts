import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type BatchImportFindingsCommandInput,
  BatchUpdateFindingsCommand,
  type BatchUpdateFindingsCommandInput,
  SecurityHubClient,
  SecurityHubServiceException,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';

/** What the fake answers a call: Security Hub's answer, or one of its errors. */
export type FakeAnswer = { refuse?: string[]; error?: 'TooManyRequestsException' | 'AccessDeniedException' };

/**
 * Security Hub as the API reference describes it, in memory: BatchImportFindings creates a finding
 * or updates it by `Id` — keeping its `Workflow` (which BatchImportFindings cannot change) but for
 * Security Hub's own resets to NEW (Compliance.Status from PASSED to FAILED, RecordState from
 * ARCHIVED to ACTIVE, SUPPRESSED excepted for the latter) — and BatchUpdateFindings sets `Workflow`.
 * `answer(call)` lets a test throttle, refuse findings (`FailedFindings` / `UnprocessedFindings`)
 * or deny a call by its number.
 */
export function fakeSecurityHub(
  answer: (call: number, command: 'import' | 'update') => FakeAnswer = () => ({}),
) {
  const mock = mockClient(SecurityHubClient);
  const findings = new Map<string, AwsSecurityFinding>();
  const calls: { command: 'import' | 'update'; ids: string[] }[] = [];
  const workflowHistory = new Map<string, string[]>();
  const noteWorkflow = (id: string, status: string | undefined) => {
    const history = workflowHistory.get(id) ?? [];
    if (status && history.at(-1) !== status) workflowHistory.set(id, [...history, status]);
  };

  function fail(name: string): never {
    throw new SecurityHubServiceException({
      name,
      $fault: 'client',
      $metadata: { httpStatusCode: name === 'AccessDeniedException' ? 403 : 429 },
      message: `fake ${name}`,
    });
  }

  mock.on(BatchImportFindingsCommand).callsFake((input: BatchImportFindingsCommandInput) => {
    const ids = (input.Findings ?? []).map((finding) => finding.Id ?? '');
    calls.push({ command: 'import', ids });
    const { refuse = [], error } = answer(calls.length, 'import');
    if (error) fail(error);
    for (const incoming of input.Findings ?? []) {
      if (refuse.includes(incoming.Id ?? '')) continue;
      const existing = findings.get(incoming.Id ?? '');
      let workflow = existing?.Workflow ?? incoming.Workflow ?? { Status: 'NEW' };
      if (existing) {
        const refailed = existing.Compliance?.Status === 'PASSED' && incoming.Compliance?.Status === 'FAILED';
        const revived =
          existing.RecordState === 'ARCHIVED' &&
          incoming.RecordState === 'ACTIVE' &&
          workflow.Status !== 'SUPPRESSED';
        if (refailed || revived) workflow = { Status: 'NEW' };
      }
      findings.set(incoming.Id ?? '', { ...incoming, Workflow: workflow });
      noteWorkflow(incoming.Id ?? '', workflow.Status);
    }
    const failed = refuse.filter((id) => ids.includes(id));
    return {
      SuccessCount: ids.length - failed.length,
      FailedCount: failed.length,
      FailedFindings: failed.map((Id) => ({
        Id,
        ErrorCode: 'InvalidInput',
        ErrorMessage: 'refused by the fake',
      })),
    };
  });

  mock.on(BatchUpdateFindingsCommand).callsFake((input: BatchUpdateFindingsCommandInput) => {
    const ids = (input.FindingIdentifiers ?? []).map((identifier) => identifier.Id ?? '');
    calls.push({ command: 'update', ids });
    const { refuse = [], error } = answer(calls.length, 'update');
    if (error) fail(error);
    const processed = [];
    const unprocessed = [];
    for (const identifier of input.FindingIdentifiers ?? []) {
      const finding = findings.get(identifier.Id ?? '');
      if (!finding || refuse.includes(identifier.Id ?? '')) {
        unprocessed.push({
          FindingIdentifier: identifier,
          ErrorCode: 'FindingNotFound',
          ErrorMessage: 'no such finding',
        });
        continue;
      }
      findings.set(identifier.Id ?? '', { ...finding, Workflow: { Status: input.Workflow?.Status } });
      noteWorkflow(identifier.Id ?? '', input.Workflow?.Status);
      processed.push(identifier);
    }
    return { ProcessedFindings: processed, UnprocessedFindings: unprocessed };
  });

  return {
    client: new SecurityHubClient({ region: 'eu-west-1' }),
    findings,
    calls,
    /** The workflow statuses each finding went through, in order. */
    workflowHistory,
    restore: () => mock.restore(),
  };
}
