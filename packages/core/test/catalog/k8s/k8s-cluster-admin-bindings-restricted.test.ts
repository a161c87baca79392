import { describe, expect, it } from 'vitest';
import { k8sClusterAdminBindingsRestricted as check } from '../../../src/catalog/k8s/k8s-cluster-admin-bindings-restricted.js';
import { evaluate } from '../../../src/evaluate.js';
import type { K8sBinding, K8sPolicyRule, K8sSubject } from '../../../src/types/kubernetes.js';
import { sampleK8sCluster } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const DEFAULTS = sampleK8sCluster();

function clusterAdminBinding(name: string, subjects: K8sSubject[]): K8sBinding {
  return { name, roleRef: { kind: 'ClusterRole', name: 'cluster-admin' }, subjects };
}

function rule(overrides: Partial<K8sPolicyRule>): K8sPolicyRule {
  return { apiGroups: [''], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [], ...overrides };
}

/** The sample cluster with these bindings added to its default `cluster-admin` → `system:masters`. */
function withBindings(clusterRoleBindings: K8sBinding[], roleBindings: K8sBinding[] = []) {
  return sampleK8sCluster({
    clusterRoleBindings: [...DEFAULTS.clusterRoleBindings, ...clusterRoleBindings],
    roleBindings,
  });
}

describe('k8s-cluster-admin-bindings-restricted', () => {
  it('passes the default cluster-admin binding to the system:masters group', () => {
    expect(runCheck(check, sampleK8sCluster())).toEqual({
      status: 'PASS',
      message:
        'Cluster my-cluster grants full control (cluster-admin, or verbs * on resources *) only to built-in system subjects or clusterAdminAllowlist: 1 of its 1 binding(s) grant it',
    });
  });

  it('fails cluster-admin bound to a user and a group, naming the binding and both', () => {
    // Prepare
    const cluster = withBindings([
      clusterAdminBinding('ops-admins', [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'ops' },
        { kind: 'Group', name: 'system:masters' },
      ]),
    ]);
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Cluster my-cluster grants full control to subjects that are neither built-in nor in clusterAdminAllowlist: ClusterRoleBinding ops-admins (cluster-admin) to User alice, Group ops',
    });
  });

  it('passes subjects of clusterAdminAllowlist, a service account by its Kubernetes user name', () => {
    const cluster = withBindings([
      clusterAdminBinding('approved', [
        { kind: 'User', name: 'arn:aws:iam::111122223333:role/platform-admin' },
        { kind: 'ServiceAccount', name: 'argocd-application-controller', namespace: 'argocd' },
      ]),
    ]);
    const allowlist = [
      'arn:aws:iam::111122223333:role/platform-admin',
      'system:serviceaccount:argocd:argocd-application-controller',
    ];
    expect(runCheck(check, cluster, { clusterAdminAllowlist: allowlist }).status).toBe('PASS');
    expect(runCheck(check, cluster).message).toContain(
      'to User arn:aws:iam::111122223333:role/platform-admin, ServiceAccount argocd/argocd-application-controller',
    );
  });

  it.each([
    ['Group', 'system:authenticated'],
    ['Group', 'system:unauthenticated'],
    ['User', 'system:anonymous'],
    ['Group', 'system:serviceaccounts'],
    ['Group', 'system:serviceaccounts:shop'],
  ])('fails full control bound to the crowd %s %s, though it is system:-prefixed', (kind, name) => {
    const cluster = withBindings([clusterAdminBinding('everyone', [{ kind, name }])]);
    expect(runCheck(check, cluster)).toEqual({
      status: 'FAIL',
      message: `Cluster my-cluster grants full control to subjects that are neither built-in nor in clusterAdminAllowlist: ClusterRoleBinding everyone (cluster-admin) to ${kind} ${name}`,
    });
  });

  it('fails a RoleBinding of cluster-admin in a namespace', () => {
    const cluster = withBindings(
      [],
      [
        {
          name: 'ci-admin',
          namespace: 'shop',
          roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
          subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'shop' }],
        },
      ],
    );
    expect(runCheck(check, cluster).message).toBe(
      'Cluster my-cluster grants full control to subjects that are neither built-in nor in clusterAdminAllowlist: RoleBinding shop/ci-admin (cluster-admin) to ServiceAccount shop/ci',
    );
  });

  it('fails a ClusterRole of its own with verbs * on resources *, naming the rule', () => {
    const cluster = sampleK8sCluster({
      clusterRoles: [
        ...DEFAULTS.clusterRoles,
        { name: 'everything', rules: [rule({ apiGroups: ['', 'apps'], resources: ['*'], verbs: ['*'] })] },
      ],
      clusterRoleBindings: [
        ...DEFAULTS.clusterRoleBindings,
        {
          name: 'devs',
          roleRef: { kind: 'ClusterRole', name: 'everything' },
          subjects: [{ kind: 'Group', name: 'devs' }],
        },
      ],
    });
    expect(runCheck(check, cluster).message).toBe(
      'Cluster my-cluster grants full control to subjects that are neither built-in nor in clusterAdminAllowlist: ClusterRoleBinding devs (ClusterRole everything: verbs * on resources * of API groups core, apps) to Group devs',
    );
  });

  it("fails a Role with a wildcard rule, found in the binding's own namespace only", () => {
    const wildcard = { name: 'owner', namespace: 'shop', rules: [rule({ resources: ['*'], verbs: ['*'] })] };
    const binding = (namespace: string): K8sBinding => ({
      name: 'owners',
      namespace,
      roleRef: { kind: 'Role', name: 'owner' },
      subjects: [{ kind: 'User', name: 'bob' }],
    });
    const inShop = sampleK8sCluster({ roles: [wildcard], roleBindings: [binding('shop')] });
    expect(runCheck(check, inShop).message).toContain(
      'RoleBinding shop/owners (Role shop/owner: verbs * on resources * of API groups core) to User bob',
    );
    const elsewhere = sampleK8sCluster({ roles: [wildcard], roleBindings: [binding('blog')] });
    expect(runCheck(check, elsewhere).status).toBe('PASS');
  });

  it.each([
    ['verbs * on named resources', rule({ resources: ['pods', 'secrets'], verbs: ['*'] })],
    ['read verbs on resources *', rule({ resources: ['*'], verbs: ['get', 'list', 'watch'] })],
    [
      'verbs * on resources * narrowed by resourceNames',
      rule({ resources: ['*'], verbs: ['*'], resourceNames: ['one'] }),
    ],
  ])('passes a role with %s (not full control)', (_case, narrow) => {
    const cluster = sampleK8sCluster({
      clusterRoles: [{ name: 'narrow', rules: [narrow] }],
      clusterRoleBindings: [
        {
          name: 'devs',
          roleRef: { kind: 'ClusterRole', name: 'narrow' },
          subjects: [{ kind: 'Group', name: 'devs' }],
        },
      ],
    });
    expect(runCheck(check, cluster).status).toBe('PASS');
  });

  it('does not judge a binding whose role does not exist (it grants nothing)', () => {
    const cluster = sampleK8sCluster({
      clusterRoleBindings: [
        {
          name: 'dangling',
          roleRef: { kind: 'ClusterRole', name: 'gone' },
          subjects: [{ kind: 'User', name: 'eve' }],
        },
      ],
    });
    expect(runCheck(check, cluster).status).toBe('PASS');
  });

  it('names at most ten bindings and ten subjects each, then how many more', () => {
    const subjects = Array.from({ length: 12 }, (_, index) => ({ kind: 'User', name: `u${index}` }));
    const bindings = Array.from({ length: 13 }, (_, index) => clusterAdminBinding(`b${index}`, subjects));
    const outcome = runCheck(check, withBindings(bindings));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('User u9 and 2 more; ClusterRoleBinding b1 ');
    expect(outcome.message).toContain('ClusterRoleBinding b9 ');
    expect(outcome.message).not.toContain('ClusterRoleBinding b10 ');
    expect(outcome.message).toMatch(/; and 3 more binding\(s\)$/);
  });

  it('is ERROR through the engine when the RBAC objects could not be read, never a PASS', () => {
    const cluster = sampleK8sCluster({
      clusterRoleBindings: [],
      unreadable: { clusterRoleBindings: 'ListClusterRoleBindings: 403 Forbidden' },
    });
    const finding = evaluate(cluster).find((candidate) => candidate.checkId === check.id);
    expect(finding?.status).toBe('ERROR');
    expect(finding?.message).toBe(
      'Could not read my-cluster: clusterRoleBindings (ListClusterRoleBindings: 403 Forbidden)',
    );
  });
});
