import { performance } from 'node:perf_hooks';
import { type Finding, findingId } from '@customs/core';
import { localDynamoClient, startDynamoDbLocal, startLocalFanOut } from '@customs/local';
import { httpSlackSender, parseNotifyConfig, type SlackMessage, transitionMessage } from '@customs/notify';
import { createFindingsTable, FindingsRepository, sweepRunId } from '@customs/store';
import { startFakeSlack } from '../../../packages/notify/test/helpers/fake-slack.js';
import { fmt } from '../measure.js';

const FINDINGS = 1000;

/** A sweep's verdicts: FINDINGS repositories failing a high or critical check. */
function sweepFindings(evaluatedAt: string, team = 'team'): Finding[] {
  return Array.from({ length: FINDINGS }, (_, index) => {
    const name = `${team}-${Math.floor(index / 100)}/service-${index}`;
    const resourceId = `arn:aws:ecr:eu-west-1:111122223333:repository/${name}`;
    const checkId = 'ecr-repository-scan-on-push';
    return {
      id: findingId(checkId, resourceId),
      checkId,
      title: 'ECR repositories scan images on push',
      resourceType: 'ecr-repository',
      resourceId,
      resourceName: name,
      accountId: '111122223333',
      region: 'eu-west-1',
      status: 'FAIL',
      severity: index % 10 === 0 ? 'critical' : 'high',
      recommendation: 'CSA-3',
      message: `Repository ${name} has scanOnPush=false`,
      evaluatedAt,
    };
  });
}

/**
 * The fan-out on DynamoDB Local to a loopback Slack, for a sweep that opens 1,000 findings:
 * transitions per second through the stream handler (outbox claim, message, POST, delivered
 * marker) with one message per transition and no pacing, next to the raw POST rate to the same
 * server measured in the same run; then the Slack messages the same sweep costs with the default
 * routing (digests, one message a second per webhook) — one digest per stream batch, the baseline —
 * and what a sweep run costs (its writes marked, its end marker last: held to one digest).
 */
export async function benchFanOut(): Promise<string[]> {
  const dynamo = await startDynamoDbLocal();
  const client = localDynamoClient(dynamo.endpoint);
  const slack = await startFakeSlack();
  try {
    const tableName = 'bench-fanout';
    await createFindingsTable(client, tableName);
    const repository = new FindingsRepository({ client, tableName, concurrency: 16 });
    await repository.applyEvaluation(sweepFindings(new Date().toISOString()));
    const [first] = await repository.listFindings({ status: 'FAIL', limit: 1 }).then((page) => page.items);
    const sample: SlackMessage = first
      ? transitionMessage({ kind: 'opened', finding: first, version: 1 })
      : { text: 'x', blocks: [] };

    // Baseline: raw POSTs of a finding message to the loopback server, one after another.
    const posts = 300;
    let start = performance.now();
    for (let i = 0; i < posts; i++) {
      const response = await fetch(slack.urlFor('/services/T0/B0/baseline'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sample),
      });
      await response.text();
    }
    const postsPerSecond = (posts / (performance.now() - start)) * 1000;

    // One message per transition, unpaced: the cost of the handler around each POST.
    const unpaced = {
      config: parseNotifyConfig({
        slack: { webhookUrl: slack.urlFor('/services/T0/B1/each'), digestThreshold: 100_000 },
      }),
      posts: true,
    };
    const each = startLocalFanOut({
      client,
      endpoint: dynamo.endpoint,
      tableName,
      notify: unpaced,
      slack: httpSlackSender({ intervalMs: 0 }),
    });
    start = performance.now();
    const eachSummary = await each.drain();
    const eachMs = performance.now() - start;
    await each.stop();

    // The default routing: digests, paced at one message a second.
    const digests = {
      config: parseNotifyConfig({ slack: { webhookUrl: slack.urlFor('/services/T0/B2/digest') } }),
      posts: true,
    };
    const digest = startLocalFanOut({ client, endpoint: dynamo.endpoint, tableName, notify: digests });
    start = performance.now();
    const digestSummary = await digest.drain();
    const digestMs = performance.now() - start;
    await digest.stop();

    // A sweep run: the same 1,000 opened by a sweep that marks its writes and ends its run.
    const runs = {
      config: parseNotifyConfig({ slack: { webhookUrl: slack.urlFor('/services/T0/B3/run') } }),
      posts: true,
    };
    const held = startLocalFanOut({
      client,
      endpoint: dynamo.endpoint,
      tableName,
      notify: runs,
      startAt: 'LATEST',
    });
    await held.drain();
    const runId = sweepRunId(new Date());
    const sweep = repository.forSweepRun(runId);
    await sweep.applyEvaluation(sweepFindings(new Date().toISOString(), 'swept'));
    await sweep.endSweepRun(runId);
    start = performance.now();
    const runSummary = await held.drain();
    const runMs = performance.now() - start;
    await held.stop();
    const batches = Math.ceil(FINDINGS / 100);
    const transitionsPerSecond = (FINDINGS / eachMs) * 1000;
    return [
      `Fan-out (DynamoDB Local stream → on-finding-change handler → outbox → loopback Slack), a sweep opening ${fmt(FINDINGS)} findings`,
      `  raw POST to loopback Slack (baseline)   ${fmt(postsPerSecond, 1).padStart(8)} posts/s`,
      `  one message per transition, unpaced     ${fmt(transitionsPerSecond, 1).padStart(8)} transitions/s   ratio to raw POST ${fmt(transitionsPerSecond / postsPerSecond, 2)}   (${eachSummary.slackMessages} messages)`,
      `  default routing (digest, 1 msg/s)       ${fmt((FINDINGS / digestMs) * 1000, 1).padStart(8)} transitions/s   Slack messages for the sweep: ${digestSummary.slackMessages} (not ${fmt(FINDINGS)}), ${fmt(digestMs / 1000, 1)} s, pending ${digestSummary.pending}   (unmarked writes: one digest per stream batch of 100, the baseline)`,
      `  a sweep run, held to its end marker     ${fmt((FINDINGS / runMs) * 1000, 1).padStart(8)} transitions/s   Slack messages per ${fmt(FINDINGS)} opened: ${runSummary.slackMessages} (baseline ${digestSummary.slackMessages}, target ≤ 3) over ${batches} stream batches, ${fmt(runMs / 1000, 1)} s, pending ${runSummary.pending}`,
    ];
  } finally {
    await slack.close();
    client.destroy();
    await dynamo.stop();
  }
}
