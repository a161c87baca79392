/**
 * The bounds of a CloudWatch Logs subscription payload (packages/events README, "Kubernetes audit
 * logs"). Past any of them the payload, or the one log event, is an input error that names the
 * bound: never an out-of-memory crash of the handler.
 */

/**
 * The longest `awslogs.data` accepted, in characters. Lambda takes an asynchronous invocation of at
 * most 1 MB (CloudWatch Logs invokes a subscription's function asynchronously); its base64 is under
 * 1.4 million characters, so 2 million is past any payload Lambda delivers.
 */
export const MAX_AWSLOGS_DATA_CHARS = 2_000_000;

/**
 * The most bytes gunzip may produce (`maxOutputLength`): 32 MiB. A delivered payload is at most
 * 1 MB compressed; audit events compress about tenfold, so a real batch decodes to a few MiB. A
 * gzip bomb stops here, as an input error.
 */
export const MAX_DECODED_BYTES = 32 * 1024 * 1024;

/**
 * The longest log event message accepted: 1 MiB. CloudWatch Logs keeps events of at most 1 MB (an
 * EKS audit event over it is truncated or reduced to its metadata, EKS Best Practices Guide).
 */
export const MAX_MESSAGE_CHARS = 1024 * 1024;
