import type { NetworkInterfaceInfo } from 'node:os';
import type { JoinBase } from '../../shared/api.js';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface JoinLinkSettings {
  /** PUBLIC_URL, when the deployment says where phones reach it. */
  publicUrl: string | undefined;
  /** The interface the server listens on (HOST). */
  listenHost: string;
  /** The port it listens on, for a link built from the LAN address. */
  port: () => number;
  interfaces: () => Interfaces;
}

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

export function isLoopback(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/** The first non-internal IPv4 address: the one phones on the same Wi-Fi can reach. */
export function lanAddress(interfaces: Interfaces): string | undefined {
  for (const infos of Object.values(interfaces)) {
    const found = infos?.find((info) => info.family === 'IPv4' && !info.internal);
    if (found) return found.address;
  }
  return undefined;
}

/**
 * Where the big screen tells phones to go. PUBLIC_URL wins; a page opened on a real address passes that address
 * on; a page opened on localhost gets the machine's LAN address, since a phone can never open the teacher's
 * "localhost". When no address could work, the reason is given instead of a link.
 */
export function joinBase(settings: JoinLinkSettings, page: { protocol: string; host: string }): JoinBase {
  if (settings.publicUrl) return { base: settings.publicUrl, source: 'public_url' };
  const hostname = new URL(`${page.protocol}://${page.host}`).hostname;
  if (!isLoopback(hostname)) return { base: `${page.protocol}://${page.host}`, source: 'page' };
  if (isLoopback(settings.listenHost)) {
    return { base: null, reason: `This server listens on ${settings.listenHost} only, so phones cannot reach it. Start it with HOST=0.0.0.0, or set PUBLIC_URL.` };
  }
  const lan = lanAddress(settings.interfaces());
  if (!lan) return { base: null, reason: 'This computer has no network address, so phones cannot reach it. Connect it to the classroom Wi-Fi, then reload this page.' };
  return { base: `http://${lan}:${settings.port()}`, source: 'lan' };
}

