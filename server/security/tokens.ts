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

/** A room's join key for its QR link: 128 random bits, base64url so it is never mistaken for a token. */
export function newJoinKey(): string {
  return randomBytes(16).toString('base64url');
}

/** A 2-step room's sequence: four of the four answer shapes, repeats allowed (256 sequences). */
export function newJoinShapes(): number[] {
  return Array.from({ length: 4 }, () => randomInt(0, 4));
}

export function shapesMatch(given: readonly number[], expected: readonly number[]): boolean {
  return given.length === expected.length && given.every((shape, i) => shape === expected[i]);
}

/** A secret kept as it is (a room's join key, shown on the big screen), compared in constant time. */
export function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
