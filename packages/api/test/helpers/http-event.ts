import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface EventOptions {
  query?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
  /** The IAM principal API Gateway's IAM authorization recorded (requestContext.authorizer.iam). */
  iamUser?: string;
}

/**
 * An API Gateway HTTP API (payload format 2.0) event as AWS documents it
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
 */
export function httpEvent(method: string, path: string, options: EventOptions = {}): APIGatewayProxyEventV2 {
  const query = options.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: {
      accept: 'application/json',
      'content-length': String(Buffer.byteLength(options.body ?? '')),
      host: 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': 'Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e',
      'x-forwarded-for': '205.255.255.176',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(rawQueryString === '' ? {} : { queryStringParameters: query }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'r3pmxmplak',
      domainName: 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
      domainPrefix: 'r3pmxmplak',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '205.255.255.176',
        userAgent: 'curl/8.5.0',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '10/Mar/2020:05:16:23 +0000',
      timeEpoch: 1583817383220,
      ...(options.iamUser === undefined ? {} : { authorizer: iamAuthorizer(options.iamUser) }),
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: false,
  };
}

/** requestContext.authorizer of a request signed by `userArn`, as API Gateway's IAM authorization fills it. */
function iamAuthorizer(userArn: string) {
  return {
    iam: {
      accessKey: 'AKIAIOSFODNN7EXAMPLE',
      accountId: '111122223333',
      callerId: 'AIDACKCEVSQ6C2EXAMPLE',
      cognitoIdentity: null,
      principalOrgId: 'o-a1b2c3d4e5',
      userArn,
      userId: 'AIDACKCEVSQ6C2EXAMPLE',
    },
  };
}
