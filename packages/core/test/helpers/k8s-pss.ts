import { expect, it } from 'vitest';
import type { AnyCheck } from '../../src/check/define-check.js';
import type {
  K8sContainer,
  K8sContainerKind,
  K8sPodTemplate,
  K8sWorkload,
} from '../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from './k8s.js';
import { runCheck } from './run-check.js';

/**
 * For the Pod Security Standards checks: each container kind with the name a test gives it and
 * the label a message shows for it (containerLabel).
 */
export const CONTAINER_KINDS: { kind: K8sContainerKind; name: string; label: string }[] = [
  { kind: 'container', name: 'sidecar', label: 'sidecar' },
  { kind: 'initContainer', name: 'setup', label: 'init container setup' },
  { kind: 'ephemeralContainer', name: 'debugger', label: 'ephemeral container debugger' },
];

/**
 * The documentation's `nginx-deployment` with a second container of `kind` (named as in
 * CONTAINER_KINDS) shaped by `overrides`, beside the untouched `nginx`.
 * @example withContainer('initContainer', { securityContext: { privileged: true } })
 */
export function withContainer(
  kind: K8sContainerKind,
  overrides: Partial<K8sContainer> = {},
  template: Partial<K8sPodTemplate> = {},
): K8sWorkload {
  const name = CONTAINER_KINDS.find((each) => each.kind === kind)?.name ?? kind;
  return sampleWorkload({
    template: podTemplate({
      containers: [k8sContainer(), k8sContainer({ kind, name, ...overrides })],
      ...template,
    }),
  });
}

/** `nginx-deployment` with its pod template shaped by `overrides`. */
export function withTemplate(overrides: Partial<K8sPodTemplate>): K8sWorkload {
  return sampleWorkload({ template: podTemplate(overrides) });
}

/**
 * The two NOT_APPLICABLE cases every Pod Security Standards check shares: `failing` (a workload
 * the check fails) moved to `kube-system`, exempt by default, and a pod template without containers.
 */
export function itIsNotApplicableWhenExemptOrEmpty(check: AnyCheck, failing: K8sWorkload): void {
  it('is NOT_APPLICABLE in a namespace of podSecurityExemptNamespaces, naming it, and judges it once removed', () => {
    // Prepare
    const exempt = { ...failing, namespace: 'kube-system' };
    // Act
    const outcome = runCheck(check, exempt);
    // Assess
    expect(runCheck(check, failing).status).toBe('FAIL');
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: `${failing.kind} kube-system/${failing.workloadName} is exempt: namespace kube-system is in podSecurityExemptNamespaces`,
    });
    expect(runCheck(check, exempt, { podSecurityExemptNamespaces: [] }).status).toBe('FAIL');
  });

  it('is NOT_APPLICABLE on a pod template without containers', () => {
    const empty = { ...failing, template: { ...failing.template, containers: [] } };
    expect(runCheck(check, empty)).toEqual({
      status: 'NOT_APPLICABLE',
      message: `${failing.kind} default/${failing.workloadName} has no containers in its pod template`,
    });
  });
}
