import type { KubeObject } from '@customs/aws/testing';

/** A Pod as the API server lists it (core/v1 Pod: metadata, spec.containers, status.phase). */
export function pod(namespace: string, name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `uid-${namespace}-${name}`,
      resourceVersion: '1',
      labels: { app: 'shop' },
    },
    spec: {
      containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }],
      serviceAccountName: 'default',
    },
    status: { phase: 'Running' },
  };
}

/** `count` pods named `pod-00000`… in one namespace. */
export function pods(namespace: string, count: number): KubeObject[] {
  return Array.from({ length: count }, (_, index) => pod(namespace, `pod-${String(index).padStart(5, '0')}`));
}

/** The query of the STS URL a token carries, decoded (the token is `k8s-aws-v1.` + base64url). */
export function decodeToken(token: string): URL {
  return new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8'));
}

/** A token carrying another URL, encoded as the real ones are. */
export function encodeToken(url: URL | string): string {
  return `k8s-aws-v1.${Buffer.from(String(url), 'utf8').toString('base64url')}`;
}

/** A sleep that records what it was asked to wait and does not wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}
