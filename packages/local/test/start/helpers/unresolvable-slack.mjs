// Preloaded (node --import) into a `customs start` under test: hooks.slack.com does not resolve,
// as on a machine without DNS, whatever this machine's network. Every other name resolves as usual.
import dns from 'node:dns';

const UNRESOLVABLE = 'hooks.slack.com';
const lookup = dns.lookup;

dns.lookup = function lookupExceptSlack(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (hostname !== UNRESOLVABLE) return lookup.call(this, hostname, options, callback);
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
  process.nextTick(done, error);
  return {};
};
