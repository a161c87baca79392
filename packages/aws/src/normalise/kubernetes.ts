import type { Taint as EksTaint } from '@aws-sdk/client-eks';
import type { Taint } from '@customs/core';
import type { Wire } from './wire.js';

/**
 * Kubernetes labels without undefined values.
 * @example labelsOf({ 'customs.io/security-context': 'web' })
 */
export function labelsOf(labels: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]])),
  );
}

/**
 * EKS nodegroup taints in the core model.
 * @example taintsOf([{ key: 'dedicated', value: 'web', effect: 'NO_SCHEDULE' }])
 */
export function taintsOf(taints: Wire<EksTaint>[] | undefined): Taint[] {
  return (taints ?? []).map((taint) => ({
    key: taint.key ?? '',
    ...(taint.value === undefined ? {} : { value: taint.value }),
    effect: taint.effect ?? '',
  }));
}
