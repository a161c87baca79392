export {
  type BackoffPolicy,
  backoffDelay,
  type Clock,
  realClock,
  realSleep,
  type Sleep,
} from './backoff.js';
export { type RateLimit, TokenBucket } from './token-bucket.js';
