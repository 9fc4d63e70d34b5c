import type { IncomingHttpHeaders } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which hops to believe: none, the nearest N proxies, or proxies at these addresses/subnets (Express's forms). */
export type TrustProxySetting = false | number | string[];

export type TrustFn = (address: string, hop: number) => boolean;

/**
 * Compiles TRUST_PROXY as Express's "behind proxies" guide advises: a hop count or the proxies' addresses, never
 * `true`, which would believe the left-most X-Forwarded-For entry that the client writes itself.
 */
export function compileTrust(setting: TrustProxySetting): TrustFn {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting);
}

/**
 * The one client address every limit uses, on HTTP and sockets alike: the right-most address in the chain
 * (socket peer, then X-Forwarded-For from right to left) that was not added by a trusted proxy.
 */
export function clientAddress(trust: TrustFn, remoteAddress: string | undefined, headers: IncomingHttpHeaders): string {
  const req = { headers, socket: { remoteAddress } } as Parameters<typeof proxyaddr>[0];
  return proxyaddr(req, trust);
}

/** Parses TRUST_PROXY: `0`/`false` (default), a hop count such as `1`, or a comma-separated list of addresses. */
export function parseTrustProxy(value: string): TrustProxySetting {
  const text = value.trim();
  if (text === '' || text === '0' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true') {
    throw new Error('TRUST_PROXY=true would believe any X-Forwarded-For a client writes; set the hop count (1 for one proxy) or the proxy addresses');
  }
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  proxyaddr.compile(list); // throws on an address it cannot read, at start-up rather than on the first request
  return list;
}
