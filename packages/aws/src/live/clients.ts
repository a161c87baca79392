import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
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
   * Amazon Inspector (its region's): the coverage of ECR images when enhanced scanning is on. Made
   * on first use, its SDK module imported then: a function's cold start never loads it (BASIC
   * scanning never asks).
   */
  inspector2(): Promise<Inspector2Client>;
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
  /**
   * The credentials to sign with (a member account's: `MemberCredentials.provider`), else the
   * default chain or `profile`.
   */
  credentials?: ClientConfig['credentials'];
  /** Replaces the HTTP handler (tests serve AWS responses from memory). */
  requestHandler?: ECRClient['config']['requestHandler'];
}

/** The attempts per call when none is given: enough to ride out a throttling burst. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** The SDK clients of {@link AwsClients} made at once, by service. */
type SdkClients = Omit<AwsClients, 'kubernetes' | 'inspector2'>;

/** The configuration every client of a collector is made with. */
type ClientConfig = ConstructorParameters<typeof ECRClient>[0] & object;

/** How each service's client is made; a collector holds the makers of the services it reads. */
export type ClientMakers = { [S in keyof SdkClients]?: (config: ClientConfig) => SdkClients[S] } & {
  inspector2?: (config: ClientConfig) => Promise<Inspector2Client>;
};

/** ECR (its region's). */
export const makeEcrClient = (config: ClientConfig): ECRClient => new ECRClient(config);
/** EKS (its region's). */
export const makeEksClient = (config: ClientConfig): EKSClient => new EKSClient(config);
/** EC2 (its region's). */
export const makeEc2Client = (config: ClientConfig): EC2Client => new EC2Client(config);
/** IAM: global, always us-east-1. */
export const makeIamClient = (config: ClientConfig): IAMClient =>
  new IAMClient({ ...config, region: GLOBAL_REGION });
/** ECS (its region's). */
export const makeEcsClient = (config: ClientConfig): ECSClient => new ECSClient(config);
/** Amazon Inspector (its region's), its SDK module imported on first use. */
export const makeInspector2Client = async (config: ClientConfig): Promise<Inspector2Client> => {
  const { Inspector2Client } = await import('@aws-sdk/client-inspector2');
  return new Inspector2Client(config);
};

/**
 * SDK v3 clients with adaptive retry (client-side rate limiting that backs off on throttling),
 * each made on its first use and reused, by the makers given: a function's bundle holds only
 * the SDK clients of the services it reads; asking for another throws. Credentials come from
 * the default chain or `profile`, or `credentials` (a member account's). Endpoints honour `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` (`_ECR`, `_EKS`, `_EC2`, `_IAM`, `_ECS`, `_INSPECTOR2`), which the SDK reads itself.
 * IAM is global: its client always talks to us-east-1. `kubernetes(cluster)` reads a cluster's
 * Kubernetes API with an EKS token signed by the same credentials.
 * @example const clients = createClients({ ecr: makeEcrClient }, { region: 'eu-west-1' });
 */
export function createClients(makers: ClientMakers, options: ClientOptions = {}): AwsClients {
  const common = {
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}),
  };
  const regional = { ...common, ...(options.region ? { region: options.region } : {}) };
  const made: Partial<SdkClients> = {};
  function client<S extends keyof SdkClients>(service: S): SdkClients[S] {
    const make = makers[service];
    if (!make) {
      throw new Error(`no ${service} client here: its clients are ${Object.keys(makers).join(', ')}`);
    }
    made[service] ??= make(regional) as SdkClients[S];
    return made[service] as SdkClients[S];
  }
  const clusters = new Map<string, KubernetesClient>();
  let inspector: Promise<Inspector2Client> | undefined;
  return {
    get ecr() {
      return client('ecr');
    },
    get eks() {
      return client('eks');
    },
    get ec2() {
      return client('ec2');
    },
    get iam() {
      return client('iam');
    },
    get ecs() {
      return client('ecs');
    },
    inspector2() {
      const make = makers.inspector2;
      if (!make) {
        const services = Object.keys(makers).join(', ');
        return Promise.reject(new Error(`no inspector2 client here: its clients are ${services}`));
      }
      inspector ??= make(regional);
      return inspector;
    },
    kubernetes(cluster) {
      const key = `${cluster.name}\n${cluster.endpoint}`;
      let kubernetes = clusters.get(key);
      if (!kubernetes) {
        // The EKS client's own credential provider: the default chain or `profile`, as the SDK calls sign.
        kubernetes = createKubernetesClient(cluster, { credentials: client('eks').config.credentials });
        clusters.set(key, kubernetes);
      }
      return kubernetes;
    },
  };
}

/** Every service's client maker. */
const ALL_CLIENTS: Required<ClientMakers> = {
  ecr: makeEcrClient,
  eks: makeEksClient,
  ec2: makeEc2Client,
  iam: makeIamClient,
  ecs: makeEcsClient,
  inspector2: makeInspector2Client,
};

/**
 * The clients of every service ({@link createClients} with every maker): the CLI's and the tests'.
 * @example const clients = createAwsClients({ region: 'eu-west-1', profile: 'audit' });
 */
export function createAwsClients(options: ClientOptions = {}): AwsClients {
  return createClients(ALL_CLIENTS, options);
}

/** The region the clients resolved (the option, `AWS_REGION`, or the profile's). */
export async function clientRegion(clients: AwsClients): Promise<string> {
  return clients.ecr.config.region();
}
