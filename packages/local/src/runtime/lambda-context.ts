import type { Context } from 'aws-lambda';

/**
 * The Lambda context a local invocation gets: the function's name and a request id, as
 * Powertools reads them; the remaining time is the Lambda maximum.
 * @example await handler(event, localLambdaContext('on-ecr-event'));
 */
export function localLambdaContext(functionName: string): Context {
  const deadline = Date.now() + 15 * 60 * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
