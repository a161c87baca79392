import type {
  K8sContainer,
  K8sContainerKind,
  K8sContainerSecurityContext,
  K8sNodeSelectorRequirement,
  K8sPodSecurityContext,
  K8sPodTemplate,
  K8sSharedSecurityContext,
  K8sToleration,
  K8sVolume,
} from '@customs/core';
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import { Fields, type Json } from './k8s-fields.js';

/** What the pods of a workload run: per container name, the image ids of its statuses. */
export type RunningImageIds = ReadonlyMap<string, readonly string[]>;

/** A pod template normalised, and whether each field had its expected type. */
export interface TemplateRead {
  template: K8sPodTemplate;
  /** Why the template cannot be trusted (a field of another type, a list over the bound); else undefined. */
  problem?: string;
}

const CONTAINER_LISTS = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
] as const satisfies readonly (readonly [keyof PodSpec, K8sContainerKind])[];

const PROBES = [
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
] as const satisfies readonly (keyof Container)[];
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The fields pod and container security contexts share. */
function sharedContext(fields: Fields, context: Json, path: string): K8sSharedSecurityContext {
  const seccomp = fields.object(context, 'seccompProfile', path);
  const appArmor = fields.object(context, 'appArmorProfile', path);
  const seLinux = fields.object(context, 'seLinuxOptions', path);
  const windows = fields.object(context, 'windowsOptions', path);
  const seLinuxPath = `${path}.seLinuxOptions`;
  return {
    ...optional('runAsNonRoot', fields.boolean(context, 'runAsNonRoot', path)),
    ...optional('runAsUser', fields.integer(context, 'runAsUser', path)),
    ...optional('runAsGroup', fields.integer(context, 'runAsGroup', path)),
    ...optional('seccompProfileType', fields.string(seccomp, 'type', `${path}.seccompProfile`)),
    ...optional('appArmorProfileType', fields.string(appArmor, 'type', `${path}.appArmorProfile`)),
    ...optional(
      'seLinuxOptions',
      seLinux && {
        ...optional('type', fields.string(seLinux, 'type', seLinuxPath)),
        ...optional('user', fields.string(seLinux, 'user', seLinuxPath)),
        ...optional('role', fields.string(seLinux, 'role', seLinuxPath)),
        ...optional('level', fields.string(seLinux, 'level', seLinuxPath)),
      },
    ),
    ...optional('windowsHostProcess', fields.boolean(windows, 'hostProcess', `${path}.windowsOptions`)),
  };
}

function containerContext(
  fields: Fields,
  container: Json,
  path: string,
): K8sContainerSecurityContext | undefined {
  // `securityContext: null` is "not set", as the API server reads it
  const context = fields.object(container, 'securityContext', path);
  if (!context) return undefined;
  const where = `${path}.securityContext`;
  const capabilities = fields.object(context, 'capabilities', where);
  const capabilitiesPath = `${where}.capabilities`;
  return {
    ...sharedContext(fields, context, where),
    ...optional('privileged', fields.boolean(context, 'privileged', where)),
    ...optional('allowPrivilegeEscalation', fields.boolean(context, 'allowPrivilegeEscalation', where)),
    ...optional('readOnlyRootFilesystem', fields.boolean(context, 'readOnlyRootFilesystem', where)),
    ...optional('procMount', fields.string(context, 'procMount', where)),
    ...optional(
      'capabilities',
      capabilities && {
        add: fields.strings(capabilities, 'add', capabilitiesPath),
        drop: fields.strings(capabilities, 'drop', capabilitiesPath),
      },
    ),
  };
}

function podContext(fields: Fields, spec: Json, path: string): K8sPodSecurityContext | undefined {
  const context = fields.object(spec, 'securityContext', path);
  if (!context) return undefined;
  const where = `${path}.securityContext`;
  return {
    ...sharedContext(fields, context, where),
    ...optional('fsGroup', fields.integer(context, 'fsGroup', where)),
    sysctls: fields.objects(context, 'sysctls', where).flatMap(({ item, path: at }) => {
      const name = fields.string(item, 'name', at);
      if (name === undefined) {
        fields.problem(`${at}.name`, 'expected a string');
        return [];
      }
      return [{ name, ...optional('value', fields.string(item, 'value', at)) }];
    }),
  };
}

/** `host` of the probes' and hooks' handlers, as `<where>=<host>`. */
function probeHosts(fields: Fields, container: Json, path: string): string[] {
  const hosts: string[] = [];
  const handlerHosts = (handler: Json | undefined, where: string) => {
    for (const kind of HANDLERS) {
      const action = fields.object(handler, kind, `${path}.${where}`);
      const host = fields.string(action, 'host', `${path}.${where}.${kind}`);
      if (host !== undefined) hosts.push(`${where}.${kind}=${host}`);
    }
  };
  for (const probe of PROBES) handlerHosts(fields.object(container, probe, path), probe);
  const lifecycle = fields.object(container, 'lifecycle', path);
  for (const hook of HOOKS)
    handlerHosts(fields.object(lifecycle, hook, `${path}.lifecycle`), `lifecycle.${hook}`);
  return hosts;
}

function containerOf(
  fields: Fields,
  { item, path }: { item: Json; path: string },
  kind: K8sContainerKind,
  running: RunningImageIds,
): K8sContainer {
  const name = fields.string(item, 'name', path);
  if (name === undefined) fields.problem(`${path}.name`, 'expected a string');
  const resources = fields.object(item, 'resources', path);
  const securityContext = containerContext(fields, item, path);
  return {
    kind,
    name: name ?? '',
    ...optional('image', fields.string(item, 'image', path)),
    ...optional('imagePullPolicy', fields.string(item, 'imagePullPolicy', path)),
    runningImageIds: [...(running.get(name ?? '') ?? [])],
    // the reader sets what ECR says of each (read-deployed-images.ts)
    deployedImages: [],
    ...optional('securityContext', securityContext),
    ports: fields.objects(item, 'ports', path).map(({ item: port, path: at }) => ({
      ...optional('containerPort', fields.integer(port, 'containerPort', at)),
      ...optional('hostPort', fields.integer(port, 'hostPort', at)),
      ...optional('protocol', fields.string(port, 'protocol', at)),
    })),
    probeHosts: probeHosts(fields, item, path),
    secretEnv: fields.objects(item, 'env', path).flatMap(({ item: env, path: at }) => {
      const from = fields.object(env, 'valueFrom', at);
      const secret = fields.object(from, 'secretKeyRef', `${at}.valueFrom`);
      const envName = fields.string(env, 'name', at);
      return secret && envName !== undefined ? [envName] : [];
    }),
    resources: {
      limits: fields.stringMap(resources, 'limits', `${path}.resources`, true),
      requests: fields.stringMap(resources, 'requests', `${path}.resources`, true),
    },
  };
}

function volumeOf(fields: Fields, { item, path }: { item: Json; path: string }): K8sVolume {
  const name = fields.string(item, 'name', path);
  if (name === undefined) fields.problem(`${path}.name`, 'expected a string');
  // the volume source is the key besides `name` whose value is set (the API allows exactly one)
  const source = Object.keys(item).find(
    (key) => key !== 'name' && item[key] !== null && item[key] !== undefined,
  );
  const hostPath = source === 'hostPath' ? fields.object(item, 'hostPath', path) : undefined;
  return {
    name: name ?? '',
    source: source ?? 'unknown',
    ...optional('hostPath', fields.string(hostPath, 'path', `${path}.hostPath`)),
  };
}

function requiredAffinity(fields: Fields, spec: Json, path: string): K8sNodeSelectorRequirement[][] {
  const affinity = fields.object(spec, 'affinity', path);
  const nodeAffinity = fields.object(affinity, 'nodeAffinity', `${path}.affinity`);
  const where = `${path}.affinity.nodeAffinity`;
  const required = fields.object(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution', where);
  const termsPath = `${where}.requiredDuringSchedulingIgnoredDuringExecution`;
  return fields.objects(required, 'nodeSelectorTerms', termsPath).map(({ item: term, path: at }) =>
    fields.objects(term, 'matchExpressions', at).flatMap(({ item: expression, path: expressionPath }) => {
      const key = fields.string(expression, 'key', expressionPath);
      const operator = fields.string(expression, 'operator', expressionPath);
      if (key === undefined || operator === undefined) {
        fields.problem(expressionPath, 'expected a key and an operator');
        return [];
      }
      return [{ key, operator, values: fields.strings(expression, 'values', expressionPath) }];
    }),
  );
}

function tolerationOf(fields: Fields, { item, path }: { item: Json; path: string }): K8sToleration {
  return {
    ...optional('key', fields.string(item, 'key', path)),
    ...optional('operator', fields.string(item, 'operator', path)),
    ...optional('value', fields.string(item, 'value', path)),
    ...optional('effect', fields.string(item, 'effect', path)),
  };
}

/**
 * A pod template in the core model, from a template's `metadata` and `spec` (a controller's
 * `spec.template`, a CronJob's `spec.jobTemplate.spec.template`, a bare pod's own): every
 * container, init container and ephemeral container in the spec's order, with the image ids the
 * workload's pods run (`running`, by container name). Absent fields stay absent
 * (`securityContext: null` included); unknown fields are ignored; a field of another type (or a
 * list over MAX_ENTRIES) gives `problem`, naming its path, which the workload reports as its
 * `template` unreadable. Never throws.
 * @example const { template, problem } = normalisePodTemplate(item.spec.template.metadata, item.spec.template.spec, 'spec.template', new Map());
 */
export function normalisePodTemplate(
  metadata: unknown,
  spec: unknown,
  path: string,
  running: RunningImageIds,
): TemplateRead {
  const fields = new Fields();
  const root = { metadata, spec };
  const meta = fields.object(root, 'metadata', path);
  const podSpec = fields.object(root, 'spec', path) ?? {};
  if (root.spec === undefined || root.spec === null) fields.problem(`${path}.spec`, 'missing');
  const specPath = `${path}.spec`;
  const os = fields.object(podSpec, 'os', specPath);
  const serviceAccountName =
    fields.string(podSpec, 'serviceAccountName', specPath) ??
    // the deprecated alias, which the API still accepts
    fields.string(podSpec, 'serviceAccount', specPath);
  const securityContext = podContext(fields, podSpec, specPath);
  const template: K8sPodTemplate = {
    labels: fields.stringMap(meta, 'labels', `${path}.metadata`),
    annotations: fields.stringMap(meta, 'annotations', `${path}.metadata`),
    ...optional('hostNetwork', fields.boolean(podSpec, 'hostNetwork', specPath)),
    ...optional('hostPID', fields.boolean(podSpec, 'hostPID', specPath)),
    ...optional('hostIPC', fields.boolean(podSpec, 'hostIPC', specPath)),
    ...optional('hostUsers', fields.boolean(podSpec, 'hostUsers', specPath)),
    ...optional('osName', fields.string(os, 'name', `${specPath}.os`)),
    ...optional('serviceAccountName', serviceAccountName),
    ...optional(
      'automountServiceAccountToken',
      fields.boolean(podSpec, 'automountServiceAccountToken', specPath),
    ),
    ...optional('securityContext', securityContext),
    containers: CONTAINER_LISTS.flatMap(([key, kind]) =>
      fields.objects(podSpec, key, specPath).map((entry) => containerOf(fields, entry, kind, running)),
    ),
    volumes: fields.objects(podSpec, 'volumes', specPath).map((entry) => volumeOf(fields, entry)),
    nodeSelector: fields.stringMap(podSpec, 'nodeSelector', specPath),
    requiredNodeAffinity: requiredAffinity(fields, podSpec, specPath),
    tolerations: fields.objects(podSpec, 'tolerations', specPath).map((entry) => tolerationOf(fields, entry)),
  };
  return fields.ok ? { template } : { template, problem: fields.reason };
}
