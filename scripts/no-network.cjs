// Preloaded (`node --require scripts/no-network.cjs …`) into tools that must work offline: every TCP
// connection is refused at once (instead of waiting for a timeout) and counted; local IPC still works.
// The attempts are printed to stderr at exit, so a caller can tell the tool tried the network.
'use strict';
const net = require('node:net');

const attempts = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  const isLocal = typeof first === 'string' || (first !== null && typeof first === 'object' && 'path' in first);
  if (isLocal) return connect.apply(this, args);
  const target = typeof first === 'object' && first !== null ? `${first.host ?? ''}:${first.port ?? ''}` : String(first);
  attempts.push(target);
  const error = Object.assign(new Error(`network refused (offline tool): ${target}`), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(error));
  return this;
};
// Name lookups fail at once too (a tool would otherwise wait for the resolver's timeout).
const dns = require('node:dns');
const refuseLookup = (host) => {
  attempts.push(String(host));
  return Object.assign(new Error(`name lookup refused (offline tool): ${host}`), { code: 'ENOTFOUND', hostname: host });
};
dns.lookup = (host, options, callback) => {
  const cb = typeof options === 'function' ? options : callback;
  process.nextTick(() => cb(refuseLookup(host)));
};
dns.promises.lookup = async (host) => {
  throw refuseLookup(host);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns.promises.Resolver.prototype[name] = async function (host) {
    throw refuseLookup(host);
  };
  dns.Resolver.prototype[name] = function (host, ...rest) {
    const cb = rest.at(-1);
    process.nextTick(() => cb(refuseLookup(host)));
  };
}
process.on('exit', () => {
  if (attempts.length > 0) process.stderr.write(`[no-network] refused ${attempts.length} connection(s): ${[...new Set(attempts)].join(', ')}\n`);
});
