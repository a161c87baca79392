import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAwsClients } from '../../src/index.js';

interface Seen {
  method: string;
  url: string;
  target: string | undefined;
  authorization: string | undefined;
}

/** A local endpoint that answers each request with the next scripted response (the last repeats). */
async function fakeAws(responses: { status: number; body: unknown; type?: string }[]) {
  const seen: Seen[] = [];
  const server: Server = createServer(function answer(request: IncomingMessage, response) {
    request.resume();
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        target: request.headers['x-amz-target'] as string | undefined,
        authorization: request.headers.authorization,
      });
      const next = responses[Math.min(seen.length - 1, responses.length - 1)] ?? { status: 500, body: {} };
      response.writeHead(next.status, {
        'content-type': next.type ?? 'application/x-amz-json-1.1',
        'x-amzn-requestid': `req-${seen.length}`,
      });
      response.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const REPOSITORIES = {
  repositories: [
    {
      registryId: '012345678910',
      repositoryName: 'ubuntu',
      repositoryArn: 'arn:aws:ecr:us-west-2:012345678910:repository/ubuntu',
    },
  ],
};

beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_ENDPOINT_URL', '');
  vi.stubEnv('AWS_ENDPOINT_URL_ECR', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createAwsClients', () => {
  it('sends ECR calls to AWS_ENDPOINT_URL_ECR and retries a throttled call until it succeeds', async () => {
    // Prepare: the first answer is AWS's throttling error, the second the body
    const aws = await fakeAws([
      { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } },
      { status: 200, body: REPOSITORIES },
    ]);
    vi.stubEnv('AWS_ENDPOINT_URL_ECR', aws.url);
    try {
      const { ecr } = createAwsClients({ region: 'us-west-2' });
      // Act
      const output = await ecr.send(new DescribeRepositoriesCommand({}));
      // Assess
      expect(output.repositories?.map((repository) => repository.repositoryName)).toEqual(['ubuntu']);
      expect(aws.seen).toHaveLength(2);
      expect(aws.seen[0]?.target).toBe('AmazonEC2ContainerRegistry_V20150921.DescribeRepositories');
      expect(aws.seen[0]?.authorization).toContain('us-west-2/ecr/aws4_request');
    } finally {
      await aws.close();
    }
  });

  it('gives up after maxAttempts when the throttling does not stop', async () => {
    const aws = await fakeAws([
      { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } },
    ]);
    vi.stubEnv('AWS_ENDPOINT_URL_ECR', aws.url);
    try {
      const { ecr } = createAwsClients({ region: 'us-west-2', maxAttempts: 2 });
      await expect(ecr.send(new DescribeRepositoriesCommand({}))).rejects.toMatchObject({
        name: 'ThrottlingException',
      });
      expect(aws.seen).toHaveLength(2);
    } finally {
      await aws.close();
    }
  });

  it('sends every service to AWS_ENDPOINT_URL when no per-service variable is set', async () => {
    const aws = await fakeAws([{ status: 200, body: { clusters: ['prod'] }, type: 'application/json' }]);
    vi.stubEnv('AWS_ENDPOINT_URL', aws.url);
    try {
      const { eks } = createAwsClients({ region: 'eu-west-1' });
      const output = await eks.send(new ListClustersCommand({}));
      expect(output.clusters).toEqual(['prod']);
      expect(aws.seen[0]).toMatchObject({ method: 'GET' });
      expect(aws.seen[0]?.url).toMatch(/^\/clusters/);
    } finally {
      await aws.close();
    }
  });

  it('reads IAM from us-east-1 whatever the region, with adaptive retry', async () => {
    const clients = createAwsClients({ region: 'ap-southeast-2' });
    expect(await clients.iam.config.region()).toBe('us-east-1');
    expect(await clients.ecr.config.region()).toBe('ap-southeast-2');
    const strategy = (await clients.eks.config.retryStrategy()) as { mode?: string };
    expect(strategy.mode).toBe('adaptive');
    expect(await clients.eks.config.maxAttempts()).toBe(8);
  });
});
