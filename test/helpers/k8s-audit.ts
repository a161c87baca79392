import type { Collector, CollectResult } from '@customs/aws';
import { CheckRegistry, type K8sWorkload, type ResourceRef, resourceNameOfRef } from '@customs/core';
import { k8sContainer, podTemplate, sampleWorkload } from '../../packages/core/test/helpers/k8s.js';
import { DEMO_SCOPE } from './sample-events.js';

/** The demo account's EKS cluster whose audit log the tests replay. */
export const CLUSTER = 'prod';
const CLUSTER_ARN = `arn:aws:eks:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:cluster/${CLUSTER}`;

/**
 * A check of these tests only (the Pod Security checks are k8s-checks-a's): no container of the
 * workload's pod template is privileged, as a plain definition (defineCheck is core's own).
 */
const noPrivilegedContainer = {
  id: 'k8s-workload-test-not-privileged',
  title: 'Test: no container of the pod template is privileged',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'critical',
  rationale: 'A privileged container has every capability of the host.',
  remediation: {
    text: 'Remove securityContext.privileged.',
    cli: 'kubectl patch …',
    iac: { format: 'kubernetes', snippet: 'securityContext:\n  privileged: false' },
  },
  mappings: {},
  reads: ['template'],
  evaluate: (workload: K8sWorkload) =>
    workload.template?.containers.some((container) => container.securityContext?.privileged === true)
      ? { status: 'FAIL' as const, message: `${workload.name} runs a privileged container` }
      : { status: 'PASS' as const, message: `${workload.name} runs no privileged container` },
};

/** The catalog of these tests: the one check above. */
export const K8S_TEST_CATALOG = new CheckRegistry([
  noPrivilegedContainer as unknown as Parameters<CheckRegistry['register']>[0],
]);

/**
 * A workload of the demo's `prod` cluster, normalised as k8s-collect's readers will (core's
 * builder: the Kubernetes docs' nginx), privileged or not.
 * @example workload('default', 'Pod', 'debug', { privileged: true })
 */
export function workload(
  namespace: string,
  kind: K8sWorkload['kind'],
  workloadName: string,
  options: { privileged?: boolean } = {},
): K8sWorkload {
  const container = k8sContainer(options.privileged ? { securityContext: { privileged: true } } : {});
  return sampleWorkload({
    id: `${CLUSTER_ARN}/${namespace}/${kind}/${workloadName}`,
    name: `${CLUSTER}/${namespace}/${kind}/${workloadName}`,
    accountId: DEMO_SCOPE.accountId,
    region: DEMO_SCOPE.region,
    clusterName: CLUSTER,
    clusterArn: CLUSTER_ARN,
    namespace,
    kind,
    workloadName,
    template: podTemplate({ containers: [container] }),
    runningPods: 1,
  });
}

/**
 * A stand-in for k8s-collect's Kubernetes readers (not merged into this branch): the cluster's
 * workloads as the test sets them; a ref re-reads its workload, or finds it gone (`missing`).
 * Records every ref it was asked for.
 */
export class FakeK8sCollector implements Collector {
  readonly scope = { ...DEMO_SCOPE };
  readonly asked: ResourceRef[] = [];
  readonly #workloads = new Map<string, K8sWorkload>();

  put(resource: K8sWorkload): void {
    this.#workloads.set(resource.name, resource);
  }

  remove(name: string): void {
    this.#workloads.delete(name);
  }

  async collectAll(): Promise<CollectResult> {
    return { resources: [...this.#workloads.values()], missing: [], warnings: [] };
  }

  async collect(refs: ResourceRef[]): Promise<CollectResult> {
    const result: CollectResult = { resources: [], missing: [], warnings: [] };
    for (const ref of refs) {
      this.asked.push(ref);
      const found = ref.type === 'k8s-workload' ? this.#workloads.get(resourceNameOfRef(ref)) : undefined;
      if (found) result.resources.push(found);
      else result.missing.push(ref);
    }
    return result;
  }
}
