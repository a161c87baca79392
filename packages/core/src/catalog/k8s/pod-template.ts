import type { Config } from '../../config.js';
import { type ReadImage, readImage } from '../../image/read-image.js';
import type {
  K8sContainer,
  K8sContainerKind,
  K8sPodTemplate,
  K8sSharedSecurityContext,
  K8sWorkload,
} from '../../types/kubernetes.js';

/** The most names a message lists before it says how many more there are. */
const MAX_LISTED = 10;

/**
 * Names for a message: up to ten, then how many more, so a pod with many containers (or hostile
 * names) still gives a bounded message.
 * @example listed(['app', 'sidecar']) // 'app, sidecar'
 */
export function listed(names: string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  return `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more`;
}

const KIND_WORDS: Record<K8sContainerKind, string> = {
  container: 'container',
  initContainer: 'init container',
  ephemeralContainer: 'ephemeral container',
};

/**
 * A container's name for a message, with its kind when it is not a regular container
 * (`init container setup`); the API requires a name, a hostile snapshot may leave it empty.
 * @example containerLabel({ kind: 'initContainer', name: 'setup', … }) // 'init container setup'
 */
export function containerLabel(container: K8sContainer): string {
  const name = container.name.length > 0 ? container.name : '(unnamed)';
  return container.kind === 'container' ? name : `${KIND_WORDS[container.kind]} ${name}`;
}

/** `Deployment prod/payments/api` — a workload for a message: kind, namespace and name. */
export function workloadLabel(workload: K8sWorkload): string {
  return `${workload.kind} ${workload.namespace}/${workload.workloadName}`;
}

/**
 * Why a per-container check does not apply: the pod template has no container at all (the API
 * requires one; a snapshot may hold none); undefined when it has some.
 * @example const none = noContainers(workload); if (none) return notApplicable(none);
 */
export function noContainers(workload: K8sWorkload): string | undefined {
  return workload.template.containers.length === 0
    ? `${workloadLabel(workload)} has no containers in its pod template`
    : undefined;
}

/**
 * Why the Pod Security Standards checks do not apply to this workload: its namespace is in
 * `podSecurityExemptNamespaces` (named, so the exemption is never silent); undefined otherwise.
 * @example const exempt = exemptNamespace(workload, config); if (exempt) return notApplicable(exempt);
 */
export function exemptNamespace(workload: K8sWorkload, config: Config): string | undefined {
  return config.podSecurityExemptNamespaces.includes(workload.namespace)
    ? `${workloadLabel(workload)} is exempt: namespace ${workload.namespace} is in podSecurityExemptNamespaces`
    : undefined;
}

/**
 * Does the pod run Windows (`spec.os.name: windows`)? The restricted Linux-only controls
 * (allowPrivilegeEscalation, seccomp, capabilities) do not apply to it (PSS, from v1.25).
 */
export function isWindowsPod(template: K8sPodTemplate): boolean {
  return template.osName?.toLowerCase() === 'windows';
}

/**
 * The value a container runs with for a field both the pod and the container may set: the
 * container's own when it sets it, else the pod's (Kubernetes: "the value specified in
 * SecurityContext takes precedence").
 * @example effective(container, template, 'runAsNonRoot') // true when either sets it and the container does not override
 */
export function effective<K extends keyof K8sSharedSecurityContext>(
  container: K8sContainer,
  template: K8sPodTemplate,
  key: K,
): K8sSharedSecurityContext[K] | undefined {
  const own = container.securityContext?.[key];
  return own !== undefined ? own : template.securityContext?.[key];
}

/**
 * Why a Pod Security Standards check does not apply: the namespace is exempt, or the template
 * has no containers; undefined when the check judges the workload.
 * @example const skipped = podSecurityNotApplicable(workload, config); if (skipped) return notApplicable(skipped);
 */
export function podSecurityNotApplicable(workload: K8sWorkload, config: Config): string | undefined {
  return exemptNamespace(workload, config) ?? noContainers(workload);
}

/**
 * A Linux capability as compared: trimmed, upper case, without the `CAP_` prefix, so every spelling
 * a container runtime may accept (`cap_sys_admin`, `CAP_SYS_ADMIN`) is judged as the capability it names.
 * @example capabilityName(' cap_sys_admin') // 'SYS_ADMIN'
 */
export function capabilityName(raw: string): string {
  const name = raw.trim().toUpperCase();
  return name.startsWith('CAP_') ? name.slice(4) : name;
}

/**
 * Why a Linux-only restricted control does not apply: the pod runs Windows (`spec.os.name:
 * windows`; PSA exempts such pods from allowPrivilegeEscalation, seccomp and capabilities from
 * policy v1.25); undefined otherwise.
 * @example const windows = windowsExempt(workload, 'allowPrivilegeEscalation'); if (windows) return notApplicable(windows);
 */
export function windowsExempt(workload: K8sWorkload, field: string): string | undefined {
  return isWindowsPod(workload.template)
    ? `${workloadLabel(workload)} runs Windows pods (spec.os.name: ${workload.template.osName}): ${field} applies to Linux pods only`
    : undefined;
}

/** The longest value from the cluster a message quotes whole. */
const MAX_QUOTED = 120;

/**
 * A value from the cluster (a path, an image, an image id) for a message, cut to 120 characters
 * with `…` so one hostile value cannot swell a finding. One parameter, so `values.map(clipped)` is safe.
 * @example clipped("/".repeat(500)).length // 121
 */
export function clipped(text: string): string {
  return clippedTo(text, MAX_QUOTED);
}

/**
 * A value cut to `max` characters with `…`.
 * @example clippedTo('sha256:abc', 6) // 'sha256…'
 */
export function clippedTo(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** A container's image as the Kubernetes image checks see it: parsed, absent, or why it does not parse. */
export type WorkloadImage = ReadImage & { container: K8sContainer };

/**
 * Each container's image (containers, init containers and ephemeral containers), parsed as
 * `docker pull` reads it (`nginx` is `docker.io/library/nginx`).
 * @example workloadImages(workload).map((image) => image.kind) // ['parsed', 'invalid']
 */
export function workloadImages(workload: K8sWorkload): WorkloadImage[] {
  return workload.template.containers.map((container) => ({ ...readImage(container.image), container }));
}
