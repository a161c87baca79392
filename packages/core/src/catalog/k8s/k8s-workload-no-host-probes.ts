import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sContainer } from '../../types/kubernetes.js';
import { clipped, containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

/** The probe and lifecycle hook hosts a container sets, as `<where>=<host>`; an empty host is the pod's IP and allowed. */
function hostsOf(container: K8sContainer): string[] {
  return container.probeHosts.filter((entry) => {
    const equals = entry.indexOf('=');
    return (equals < 0 ? entry : entry.slice(equals + 1)).trim() !== '';
  });
}

export const k8sWorkloadNoHostProbes = defineCheck({
  id: 'k8s-workload-no-host-probes',
  title: "Kubernetes workloads' probes and lifecycle hooks target only their own pod",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "The kubelet runs a probe or a lifecycle hook from the EC2 node, with the node's network access: a `host` in an `httpGet` or `tcpSocket` probe or hook makes the kubelet send requests to any address the pod's author names (the instance metadata service, another pod, a service on the node), a request forgery from the node on the pod's behalf. Pod Security Standards baseline forbids a host other than the pod's own (the field left empty) from Kubernetes 1.34.",
  remediation: {
    text: "Remove `host` from the `httpGet` and `tcpSocket` handlers of every liveness, readiness and startup probe and every `postStart`/`preStop` hook of the containers and init containers (the probe then targets the pod's IP); send a `Host` header through `httpGet.httpHeaders` if the application needs one.",
    cli: 'kubectl apply -f workload.yaml',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n              httpHeaders:\n                - name: Host\n                  value: app.example.com',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: { pss: ['hostProbesAndHostLifecycle'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers } = workload.template;
    const probing = containers.flatMap(function probeHosts(container) {
      const hosts = hostsOf(container).map(clipped);
      return hosts.length > 0 ? [`${containerLabel(container)} (${listed(hosts)})`] : [];
    });
    if (probing.length > 0) {
      return fail(
        `${workloadLabel(workload)} sends probes or lifecycle hooks to other hosts: ${listed(probing)}`,
      );
    }
    return pass(
      `${workloadLabel(workload)}: the probes and lifecycle hooks of its ${containers.length} container(s) set no host`,
    );
  },
});
