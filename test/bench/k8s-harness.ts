import { readFileSync } from 'node:fs';
import { createAwsClients } from '@customs/aws';
import { generateTestCertificates, startFakeKubernetesApi, TEST_CREDENTIALS } from '@customs/aws/testing';
import type { K8sSweepHarness } from './suites/sweep-k8s.js';

const VERSION = JSON.parse(
  readFileSync(
    new URL('../../packages/local/snapshots/demo/k8s/GetVersion/prod.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

const ENV_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/**
 * Each cluster served by k8s-transport's loopback fake Kubernetes API (which verifies every
 * token), read through `AwsClients.kubernetes` as the sweep reads it: every list path (paged) and
 * `GET /version` of every cluster, the clusters at once, each client bounded to its requests in
 * flight. Until k8s-collect's reader is merged it reads the lists itself (objects, not resources).
 * @example await benchK8sSweep(fakeApiHarness)
 */
export const fakeApiHarness: K8sSweepHarness = async (clusters, size) => {
  // The clients' default credential chain signs the tokens; the fake servers verify them with these.
  const saved = ENV_KEYS.map((key) => [key, process.env[key]] as const);
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  const certificates = await generateTestCertificates();
  const servers = await Promise.all(
    [...clusters].map(([name, store]) =>
      startFakeKubernetesApi({
        clusterName: name,
        certificates,
        store: Object.fromEntries(store),
        objects: { '/version': VERSION },
        latencyMs: size.latencyMs,
      }),
    ),
  );
  const clients = createAwsClients({ region: 'eu-west-1' });
  const paths = [...(clusters.values().next().value?.keys() ?? [])];
  return {
    async sweep() {
      const counts = await Promise.all(
        servers.map(async (server) => {
          const client = clients.kubernetes(server.cluster);
          const [, ...lists] = await Promise.all([
            client.get('/version'),
            ...paths.map((path) => client.list(path)),
          ]);
          return lists.reduce((sum, list) => sum + list.items.length, 0);
        }),
      );
      return { read: counts.reduce((sum, count) => sum + count, 0), unit: 'objects read' };
    },
    requests: () => servers.reduce((sum, server) => sum + server.requests.length, 0),
    peakInFlight: () => Math.max(...servers.map((server) => server.peakInFlight)),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
};
