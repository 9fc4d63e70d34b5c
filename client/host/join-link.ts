import { joinBaseSchema, type JoinBase } from '../../shared/index.js';
import { api } from './api.js';

let asked: Promise<JoinBase> | undefined;

/**
 * Where phones join, asked of the server once: it knows PUBLIC_URL and the machine's LAN address, while this
 * page may have been opened on "localhost", which no phone can reach.
 */
export function joinBase(): Promise<JoinBase> {
  asked ??= api<JoinBase>('GET', '/api/join-link').then((res) => {
    const parsed = res.ok ? joinBaseSchema.safeParse(res) : undefined;
    if (parsed?.success) return parsed.data;
    // Without an answer the page's own address is the best guess left.
    return { base: location.origin, source: 'page' as const };
  });
  return asked;
}

export function joinLink(base: string, pin: string): string {
  return `${base}/?pin=${pin}`;
}
