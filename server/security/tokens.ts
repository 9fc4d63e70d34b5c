import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 128 random bits, as the protocol's 32 hex digits. */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}

export function newPlayerId(): string {
  return randomBytes(6).toString('hex');
}

export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Stores keep only a token's hash, so a leaked dump or log line cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time, so response timing says nothing about how much of a guess was right. */
export function tokenMatches(token: string, expectedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
