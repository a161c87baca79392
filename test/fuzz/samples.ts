import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_SCOPE, demoCloudTrail, demoImageAction } from '../helpers/sample-events.js';

type Json = Record<string, unknown>;

const FOLDERS = [
  '../fixtures/events/',
  '../fixtures/aws-samples/events/',
  '../../packages/events/test/fixtures/events/',
];

/** A CloudTrail record in the envelope EventBridge delivers it in ("AWS API Call via CloudTrail"). */
function wrapRecord(record: Json): Json {
  const service = String(record.eventSource ?? '').split('.')[0];
  return {
    version: '0',
    id: String(record.eventID ?? '00000000-0000-0000-0000-000000000000'),
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${service}`,
    account: record.recipientAccountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail: record,
  };
}

/** Events from one published sample: an event as is, a CloudTrail record wrapped, each of a log file's records. */
function eventsOf(body: unknown): Json[] {
  if (Array.isArray(body)) return body.flatMap(eventsOf);
  if (body === null || typeof body !== 'object') return [];
  const json = body as Json;
  if (Array.isArray(json.Records)) return json.Records.flatMap(eventsOf);
  if (typeof json.eventSource === 'string' && json['detail-type'] === undefined) return [wrapRecord(json)];
  return [json];
}

/**
 * Every event AWS publishes in the repository's fixtures (test/fixtures/events, the AWS samples'
 * events, packages/events' fixtures), as EventBridge would deliver them, each sample once.
 */
export function awsSampleEvents(): Json[] {
  const seen = new Set<string>();
  const events: Json[] = [];
  for (const folder of FOLDERS) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const name of readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()) {
      let body: unknown;
      try {
        body = JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
      } catch {
        continue; // a published log message that is not one JSON document
      }
      for (const event of eventsOf(body)) {
        const key = JSON.stringify(event);
        if (seen.has(key)) continue;
        seen.add(key);
        events.push(event);
      }
    }
  }
  return events;
}

const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';

/**
 * The same samples readdressed to the demo account (packages/local/snapshots/demo) and its
 * resources, so that mutations of them reach the collector and the store, not only the rules.
 */
export function demoEvents(): Json[] {
  const ecr = (event: Json): Json => ({ ...event, account: DEMO_SCOPE.accountId, region: DEMO_SCOPE.region });
  return [
    demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1'),
    demoImageAction('DELETE', 'team/checkout-web', VULNERABLE, 'v1'),
    demoImageAction('PUSH', 'legacy-batch', VULNERABLE, 'latest'),
    demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' }),
    demoCloudTrail('aws.eks', 'UpdateNodegroupConfig', { name: 'prod', nodegroupName: 'general' }),
    demoCloudTrail('aws.eks', 'CreateAccessEntry', {
      clusterName: 'prod',
      principalArn: 'arn:aws:iam::111122223333:role/platform-admins',
    }),
    demoCloudTrail('aws.iam', 'DeactivateMFADevice', { userName: 'tom.becker' }),
    demoCloudTrail('aws.iam', 'AttachRolePolicy', {
      roleName: 'payments-ci-codebuild',
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
    demoCloudTrail('aws.ecr', 'SetRepositoryPolicy', { repositoryName: 'team/payments-api' }),
    demoCloudTrail('aws.ecr', 'PutRegistryScanningConfiguration', {}),
    ...awsSampleEvents()
      .filter((event) => event.source === 'aws.ecr' || event.source === 'aws.inspector2')
      .map(ecr),
  ];
}
