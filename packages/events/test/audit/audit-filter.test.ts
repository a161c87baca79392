import { describe, expect, it } from 'vitest';
import { auditEventOutcome } from '../../src/audit/audit-event.js';
import {
  AUDIT_FILTER_PATTERN,
  MAX_FILTER_PATTERN_LENGTH,
  matchesAuditFilter,
} from '../../src/audit/audit-filter.js';
import { auditEvent, awsSample, pod } from './payloads.js';

describe('the audit log subscription filter', () => {
  it('is one CloudWatch Logs JSON filter pattern, in its exact form, within PutSubscriptionFilter’s 1,024 characters', () => {
    const resources = [
      'deployments',
      'statefulsets',
      'daemonsets',
      'jobs',
      'cronjobs',
      'pods',
      'namespaces',
      'clusterrolebindings',
      'rolebindings',
      'clusterroles',
      'roles',
      'serviceaccounts',
    ];
    expect(AUDIT_FILTER_PATTERN).toBe(
      [
        '{ $.kind = "Event"',
        '($.verb = "create" || $.verb = "update" || $.verb = "patch" || $.verb = "delete")',
        `(${resources.map((r) => `$.objectRef.resource = "${r}"`).join(' || ')})`,
        '($.objectRef.subresource NOT EXISTS || $.objectRef.subresource = "ephemeralcontainers")',
        '$.responseStatus.code >= 200',
        '$.responseStatus.code <= 299',
        '($.objectRef.resource != "pods" || $.responseObject.metadata.ownerReferences NOT EXISTS) }',
      ].join(' && '),
    );
    expect(AUDIT_FILTER_PATTERN.length).toBeLessThanOrEqual(MAX_FILTER_PATTERN_LENGTH);
  });

  const owned = pod('web-1', 'shop', { kind: 'ReplicaSet', name: 'web' });

  it("passes no event of AWS's sample (a watch), nor a read, a failure, a status update, a resource no check reads or a controller's pod", () => {
    const rejectedByFilter = [
      awsSample('eks-audit-log-event-cloudwatch-message'),
      auditEvent('get', { resource: 'pods', namespace: 'shop', name: 'web' }),
      auditEvent('list', { resource: 'deployments', apiGroup: 'apps', namespace: 'shop' }),
      auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web' }, { code: 403 }),
      auditEvent('patch', { resource: 'pods', namespace: 'shop', name: 'web', subresource: 'status' }),
      auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web', subresource: 'binding' }),
      auditEvent('update', { resource: 'configmaps', namespace: 'shop', name: 'cfg' }),
      { ...auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web' }), kind: 'Status' },
      {
        ...auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web' }),
        responseStatus: { code: '201' },
      },
      // A controller's pods: created, deleted, each assessed through the controller.
      auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web-1' }, { responseObject: owned }),
      auditEvent('delete', { resource: 'pods', namespace: 'shop', name: 'web-1' }, { responseObject: owned }),
      'time="2024-01-01T00:00:00Z" level=info msg="access granted" arn="arn:aws:iam::111122223333:role/admin"',
    ];
    for (const event of rejectedByFilter)
      expect(matchesAuditFilter(event), JSON.stringify(event).slice(0, 160)).toBe(false);
  });

  it('passes the writes that name refs, and each one it passes maps to refs', () => {
    const passed = [
      auditEvent(
        'create',
        { resource: 'pods', namespace: 'default', name: 'debug' },
        { responseObject: pod('debug', 'default') },
      ),
      auditEvent('patch', {
        resource: 'pods',
        namespace: 'default',
        name: 'debug',
        subresource: 'ephemeralcontainers',
      }),
      auditEvent('delete', {
        resource: 'daemonsets',
        apiGroup: 'apps',
        namespace: 'logging',
        name: 'fluentd',
      }),
      auditEvent(
        'update',
        { resource: 'cronjobs', apiGroup: 'batch', namespace: 'ops', name: 'hello' },
        { code: 200 },
      ),
      auditEvent('create', { resource: 'namespaces', name: 'shop' }, { code: 201 }),
      auditEvent('create', {
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        name: 'ops-admin',
      }),
      // A pod whose stored object was not logged: the handler's re-read decides.
      auditEvent('delete', { resource: 'pods', namespace: 'shop', name: 'web-2' }),
      // A ServiceAccount: the workloads that run as it.
      auditEvent('patch', { resource: 'serviceaccounts', namespace: 'shop', name: 'default' }),
    ];
    for (const event of passed) {
      expect(matchesAuditFilter(event), JSON.stringify(event.objectRef)).toBe(true);
      expect(auditEventOutcome(JSON.stringify(event), 'prod').outcome).toBe('refs');
    }
  });
});
