import { describe, expect, it } from 'vitest';
import { auditEventOutcome } from '../../src/audit/audit-event.js';
import { auditEvent, awsSample, pod } from './payloads.js';

const outcome = (event: unknown) => auditEventOutcome(JSON.stringify(event), 'prod');
const workload = (name: string) => ({
  outcome: 'refs',
  refs: [{ type: 'k8s-workload', name, parent: 'prod' }],
});

describe('auditEventOutcome', () => {
  it("ignores AWS's sample, a watch, with the reason", () => {
    expect(outcome(awsSample('eks-audit-log-event-cloudwatch-message'))).toEqual({
      outcome: 'ignored',
      reason: 'verb watch changes nothing (only create, update, patch, delete do)',
    });
    for (const verb of ['get', 'list', 'watch', 'deletecollection'])
      expect(outcome(auditEvent(verb, { resource: 'pods', namespace: 'shop' })).outcome, verb).toBe(
        'ignored',
      );
  });

  it.each([
    ['deployments', 'apps', 'Deployment'],
    ['statefulsets', 'apps', 'StatefulSet'],
    ['daemonsets', 'apps', 'DaemonSet'],
    ['jobs', 'batch', 'Job'],
    ['cronjobs', 'batch', 'CronJob'],
  ])(
    're-assesses the %s workload of every write, <namespace>/<Kind>/<name> under its cluster',
    (resource, apiGroup, kind) => {
      for (const verb of ['create', 'update', 'patch', 'delete']) {
        const event = auditEvent(verb, { resource, apiGroup, namespace: 'shop', name: 'web' });
        expect(outcome(event), verb).toEqual(workload(`shop/${kind}/web`));
      }
    },
  );

  it('re-assesses a bare pod, and ignores an owned one: its controller is assessed', () => {
    const bare = auditEvent(
      'create',
      { resource: 'pods', namespace: 'default', name: 'debug' },
      {
        requestObject: pod('debug', 'default'),
        responseObject: pod('debug', 'default'),
      },
    );
    const owned = auditEvent(
      'delete',
      { resource: 'pods', namespace: 'shop', name: 'web-7d4b9-x2k' },
      {
        requestObject: { kind: 'DeleteOptions', apiVersion: 'v1' },
        responseObject: pod('web-7d4b9-x2k', 'shop', { kind: 'ReplicaSet', name: 'web-7d4b9' }),
      },
    );
    const metadataOnly = auditEvent('delete', { resource: 'pods', namespace: 'default', name: 'debug' });
    expect(outcome(bare)).toEqual(workload('default/Pod/debug'));
    expect(outcome(owned)).toEqual({
      outcome: 'ignored',
      reason:
        "pod shop/web-7d4b9-x2k is owned by ReplicaSet web-7d4b9: a pod with an owner is not a workload of its own; its controller's template is assessed",
    });
    // Ownership unknown (no object logged): the re-read decides (an owned pod is no workload).
    expect(outcome(metadataOnly)).toEqual(workload('default/Pod/debug'));
  });

  it('names a created pod by its generated name, from the response object', () => {
    const request = { ...pod('', 'default'), metadata: { generateName: 'debug-', namespace: 'default' } };
    const created = auditEvent(
      'create',
      { resource: 'pods', namespace: 'default' },
      {
        requestObject: request,
        responseObject: pod('debug-x7k2p', 'default'),
      },
    );
    const unlogged = auditEvent(
      'create',
      { resource: 'pods', namespace: 'default' },
      { requestObject: request },
    );
    expect(outcome(created)).toEqual(workload('default/Pod/debug-x7k2p'));
    expect(outcome(unlogged)).toEqual({
      outcome: 'ignored',
      reason:
        'the pods create (generateName debug-) names no object, and no response object was logged to name it: the daily sweep reads it',
    });
  });

  it("re-assesses a pod's ephemeral containers (kubectl debug), not its status, binding or eviction", () => {
    const debug = auditEvent(
      'patch',
      { resource: 'pods', namespace: 'default', name: 'web', subresource: 'ephemeralcontainers' },
      {
        responseObject: pod('web', 'default'),
      },
    );
    expect(outcome(debug)).toEqual(workload('default/Pod/web'));
    for (const subresource of ['status', 'binding', 'eviction'])
      expect(
        outcome(auditEvent('patch', { resource: 'pods', namespace: 'default', name: 'web', subresource })),
        subresource,
      ).toEqual({
        outcome: 'ignored',
        reason: `the ${subresource} subresource of pods changes nothing a check reads`,
      });
    expect(
      outcome(
        auditEvent('update', {
          resource: 'deployments',
          apiGroup: 'apps',
          namespace: 'shop',
          name: 'web',
          subresource: 'scale',
        }),
      ).outcome,
    ).toBe('ignored');
  });

  it('re-assesses a namespace, and the cluster for any RBAC write', () => {
    expect(outcome(auditEvent('patch', { resource: 'namespaces', name: 'shop' }))).toEqual({
      outcome: 'refs',
      refs: [{ type: 'k8s-namespace', name: 'shop', parent: 'prod' }],
    });
    for (const resource of ['clusterrolebindings', 'rolebindings', 'clusterroles', 'roles']) {
      const event = auditEvent('create', { resource, apiGroup: 'rbac.authorization.k8s.io', name: 'admins' });
      expect(outcome(event), resource).toEqual({
        outcome: 'refs',
        refs: [{ type: 'k8s-cluster', name: 'prod' }],
      });
    }
  });

  it('maps a ServiceAccount change to the workloads of its namespace that run as it (one ref the reader expands)', () => {
    // Prepare
    const patched = auditEvent('patch', { resource: 'serviceaccounts', namespace: 'shop', name: 'default' });
    const created = auditEvent('create', { resource: 'serviceaccounts', namespace: 'shop', name: 'ci.bot' });
    const unnamespaced = auditEvent('delete', { resource: 'serviceaccounts', name: 'default' });
    // Act, Assess
    expect(outcome(patched)).toEqual({
      outcome: 'refs',
      refs: [{ type: 'k8s-workload', name: 'shop/ServiceAccount/default', parent: 'prod' }],
    });
    expect(outcome(created)).toMatchObject({ refs: [{ name: 'shop/ServiceAccount/ci.bot' }] });
    expect(outcome(unnamespaced)).toEqual({
      outcome: 'rejected',
      reason: 'message: objectRef.namespace: serviceaccounts are namespaced; the event names no namespace',
    });
  });

  it('ignores a failed write, a resource no check reads, and one of another API group', () => {
    const denied = auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web' }, { code: 403 });
    expect(outcome(denied)).toEqual({
      outcome: 'ignored',
      reason: 'the create did not succeed (response 403): nothing changed',
    });
    expect(outcome(auditEvent('update', { resource: 'configmaps', namespace: 'shop', name: 'cfg' }))).toEqual(
      {
        outcome: 'ignored',
        reason: 'no check reads configmaps',
      },
    );
    expect(
      outcome(
        auditEvent('create', { resource: 'roles', apiGroup: 'example.com', namespace: 'shop', name: 'r' }),
      ),
    ).toEqual({
      outcome: 'ignored',
      reason:
        'roles of API group "example.com" is not the rbac.authorization.k8s.io group\'s, which the checks read',
    });
  });

  it('rejects what is not an audit event, or names no Kubernetes could issue, with the reason', () => {
    expect(auditEventOutcome('level=info msg=token', 'prod')).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/^message: not JSON/),
    });
    expect(outcome({ kind: 'Event', apiVersion: 'audit.k8s.io/v1' })).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining('verb'),
    });
    const upper = auditEvent('create', { resource: 'pods', namespace: 'Shop', name: 'web' });
    expect(outcome(upper)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/^message: objectRef.namespace: holds "S" at position 0/),
    });
    const slash = auditEvent('create', {
      resource: 'deployments',
      apiGroup: 'apps',
      namespace: 'shop',
      name: 'a/b',
    });
    expect(outcome(slash)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining('objectRef.name'),
    });
    const unnamespaced = auditEvent('create', { resource: 'pods', name: 'web' });
    expect(outcome(unnamespaced)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining('objectRef.namespace'),
    });
    const owners = auditEvent(
      'create',
      { resource: 'pods', namespace: 'shop', name: 'web' },
      {
        responseObject: { kind: 'Pod', metadata: { name: 'web', ownerReferences: 'ReplicaSet' } },
      },
    );
    expect(outcome(owners)).toMatchObject({
      outcome: 'rejected',
      reason: 'message: responseObject.metadata.ownerReferences: expected an array',
    });
  });

  it('reads a deeply nested object without recursing into it', () => {
    const text = JSON.stringify(
      auditEvent('create', { resource: 'pods', namespace: 'shop', name: 'web' }),
    ).replace(/}$/, `,"requestObject":${'{"a":'.repeat(100_000)}{}${'}'.repeat(100_000)}}`);
    expect(auditEventOutcome(text, 'prod')).toEqual(workload('shop/Pod/web'));
  });
});
