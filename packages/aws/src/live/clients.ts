import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { GLOBAL_REGION } from '@customs/core';
import {
  createKubernetesClient,
  type KubernetesClient,
  type KubernetesCluster,
} from '../kubernetes/index.js';

/** The SDK clients one regional collector reads with; `iam` is always a us-east-1 client. */
export interface AwsClients {
  ecr: ECRClient;
  eks: EKSClient;
  ec2: EC2Client;
  iam: IAMClient;
  ecs: ECSClient;
  /**
   * The Kubernetes API client of one EKS cluster (endpoint and CA from DescribeCluster), made on
   * first use and reused for that cluster: its token is cached and re-minted before it expires.
   */
  kubernetes(cluster: KubernetesCluster): KubernetesClient;
}

/** How the clients are made. */
export interface ClientOptions {
  /** The region of ECR, EKS, EC2 and ECS; else the default chain (`AWS_REGION`, the profile). */
  region?: string;
  /** A profile of the shared config and credentials files (else `AWS_PROFILE` or `default`). */
  profile?: string;
  /** Attempts per call, throttling included (adaptive retry) [8]. */
  maxAttempts?: number;
  /** Replaces the HTTP handler (tests serve AWS responses from memory). */
  requestHandler?: ECRClient['config']['requestHandler'];
}

/** The attempts per call when none is given: enough to ride out a throttling burst. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * SDK v3 clients with adaptive retry (client-side rate limiting that backs off on throttling).
 * Credentials come from the default chain or `profile`. Endpoints honour `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` (`_ECR`, `_EKS`, `_EC2`, `_IAM`, `_ECS`), which the SDK reads itself.
 * IAM is global: its client always talks to us-east-1. `kubernetes(cluster)` reads a cluster's
 * Kubernetes API with an EKS token signed by the same credentials.
 * @example const clients = createAwsClients({ region: 'eu-west-1', profile: 'audit' });
 */
export function createAwsClients(options: ClientOptions = {}): AwsClients {
  const common = {
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}),
  };
  const regional = { ...common, ...(options.region ? { region: options.region } : {}) };
  const eks = new EKSClient(regional);
  const clusters = new Map<string, KubernetesClient>();
  return {
    ecr: new ECRClient(regional),
    eks,
    ec2: new EC2Client(regional),
    iam: new IAMClient({ ...common, region: GLOBAL_REGION }),
    ecs: new ECSClient(regional),
    kubernetes(cluster) {
      const key = `${cluster.name}\n${cluster.endpoint}`;
      let client = clusters.get(key);
      if (!client) {
        // The EKS client's own credential provider: the default chain or `profile`, as the SDK calls sign.
        client = createKubernetesClient(cluster, { credentials: eks.config.credentials });
        clusters.set(key, client);
      }
      return client;
    },
  };
}

/** The region the clients resolved (the option, `AWS_REGION`, or the profile's). */
export async function clientRegion(clients: AwsClients): Promise<string> {
  return clients.ecr.config.region();
}
