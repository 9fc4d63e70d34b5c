import type { JoinBase } from '../../shared/index.js';
import { api } from './api.js';

let asked: Promise<JoinBase> | undefined;

/**
 * Where phones join, asked of the server once: it knows PUBLIC_URL and the machine's LAN address, while this
 * page may have been opened on "localhost", which no phone can reach.
 */
export function joinBase(): Promise<JoinBase> {
  // Without an answer the page's own address is the best guess left.
  asked ??= api<JoinBase>('GET', '/api/join-link').then((res) => (res.ok ? res : { base: location.origin, source: 'page' as const }));
  return asked;
}

export function joinLink(base: string, pin: string): string {
  return `${base}/?pin=${pin}`;
}
