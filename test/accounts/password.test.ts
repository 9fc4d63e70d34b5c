import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/accounts/password.js';
import { readCookie, sessionCookie } from '../../server/accounts/cookies.js';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash with a random salt, never the password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
  });

  it('verifies the right password only, and refuses malformed hashes', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain:correct horse battery')).toBe(false);
  });
});

describe('the session cookie', () => {
  it('is read back from a Cookie header among others', () => {
    const id = 'a'.repeat(32);
    const header = `theme=dark; ${sessionCookie(id, 60, false).split(';')[0]}; other=1`;
    expect(readCookie(header, 'qr_session')).toBe(id);
    expect(readCookie('qr_session_x=1', 'qr_session')).toBeUndefined();
    expect(readCookie(undefined, 'qr_session')).toBeUndefined();
  });
});
