import { DEMO_SNAPSHOT } from '../../demo.js';
import {
  type ReplayReport,
  readEventsFile,
  rejectedLogWriter,
  replayEvents,
  replayRemote,
  safeReason,
} from '../../replay/index.js';
import { startLocalPipeline } from '../../runtime/index.js';
import { accountSource } from '../../start/account-source.js';
import { localNotifyConfig, startLocalFanOut } from '../../stream/index.js';
import { UsageError } from '../errors.js';
import { renderReplay } from '../format/replay.js';
import { parseFormat } from '../options.js';
import type { Command } from './command.js';

export const replayCommand: Command = {
  name: 'replay',
  usage:
    'customs replay FILE [--snapshot DIR [--snapshot DIR2]...] [--format table|json] [--config FILE] [--data DIR] [--rejected FILE] [--to URL --token T]',
  summary:
    'Feed EventBridge events and CloudWatch Logs subscription payloads of EKS audit logs ({"awslogs": …}, or decoded) (a JSON array or JSON lines) through the deployed rules, subscriptions and handlers onto an embedded DynamoDB Local; print the finding changes, then the ignored and rejected events; fan the transitions out to Slack (SLACK_WEBHOOK_URL) or print the messages.',
  positionals: true,
  options: {
    snapshot: { type: 'string', multiple: true },
    format: { type: 'string' },
    config: { type: 'string' },
    data: { type: 'string' },
    rejected: { type: 'string' },
    to: { type: 'string' },
    token: { type: 'string' },
  },
  async run(values, positionals, { out, err }) {
    const format = parseFormat(values.format, ['table', 'json']) as 'table' | 'json';
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('replay takes one events file: customs replay FILE');
    const entries = await readEventsFile(file);
    const rejectedLog = values.rejected ?? '.customs/rejected.jsonl';
    const keep = rejectedLogWriter(rejectedLog);
    let internalErrors = 0;
    const onInternalError = (line: string) => {
      internalErrors++;
      err.write(`customs: internal error: ${line}\n`);
    };
    const keptIn = (report: ReplayReport) => {
      if (report.rejected.length > 0)
        err.write(`${report.rejected.length} rejected event(s) kept in ${rejectedLog}\n`);
    };
    if (values.to) {
      // A running `customs start`: its bus, handlers, store and fan-out take the events.
      const report = await replayRemote(entries, values.to, values.token ?? process.env.CUSTOMS_API_TOKEN);
      const at = new Date().toISOString();
      for (const { event: index, reason, raw } of report.rejected) {
        await keep({ at, index, reason, event: raw }).catch((error: unknown) =>
          onInternalError(`event ${index}: not kept: ${safeReason(String(error), 300)}`),
        );
      }
      keptIn(report);
      out.write(renderReplay(report, format));
      return internalErrors > 0 ? 1 : undefined;
    }
    // A refused SLACK_WEBHOOK_URL stops the run before anything starts.
    const notify = localNotifyConfig(process.env);
    // Several folders are the accounts of one organisation: each event is read in its account's.
    const snapshots: string[] = values.snapshot ?? [];
    const organisation = snapshots.length > 1 ? await accountSource({ snapshots }) : undefined;
    const pipeline = await startLocalPipeline({
      ...(organisation?.collector
        ? { collector: organisation.collector }
        : { snapshotDir: snapshots[0] ?? DEMO_SNAPSHOT }),
      ...(values.data ? { dataDir: values.data } : {}),
      ...(values.config ? { configPath: values.config } : {}),
    });
    try {
      // Each rejected event is kept as soon as it is rejected; no event's error stops the replay.
      const report = await replayEvents(entries, pipeline, { keep, onInternalError });
      keptIn(report);
      out.write(renderReplay(report, format));
      const { client, endpoint, tableName } = pipeline;
      const fanOut = startLocalFanOut({
        client,
        endpoint,
        tableName,
        notify,
        write: (text) => err.write(text),
      });
      const notified = await fanOut.drain().finally(() => fanOut.stop());
      const pending = notified.pending > 0 ? `, ${notified.pending} delivery(ies) pending in the outbox` : '';
      err.write(`Notifications: ${notified.slackMessages} Slack message(s) ${notified.mode}${pending}\n`);
      // Why they wait, once per webhook: the cause (DNS, a status code, a 429) and the next try.
      for (const line of notified.failing) err.write(`  ${line}\n`);
      return internalErrors > 0 ? 1 : undefined;
    } finally {
      await pipeline.stop();
    }
  },
};
