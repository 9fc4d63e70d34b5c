import { describe, expect, it } from 'vitest';
import { NICKNAME_MESSAGES, checkNickname, generatedNickname, nicknameKey } from '../../server/game/nickname.js';

const reason = (raw: string) => {
  const check = checkNickname(raw);
  return check.ok ? 'ok' : check.reason;
};

describe('nicknames', () => {
  it('trims, normalises and collapses spaces', () => {
    expect(checkNickname('  Ada   Lovelace ')).toMatchObject({ ok: true, nickname: 'Ada Lovelace' });
    expect(checkNickname('Cafe\u0301')).toMatchObject({ ok: true, nickname: 'Café' });
    expect(checkNickname('ＡＬＩＣＥ')).toMatchObject({ ok: true, nickname: 'ALICE' });
    expect(checkNickname('Ana\tBell\n')).toMatchObject({ ok: true, nickname: 'Ana Bell' });
  });

  it('drops invisible and formatting characters, and refuses a name that is nothing else', () => {
    for (const [raw, shown] of [
      ['ab\u200bc', 'abc'],
      ['ab\u0007', 'ab'],
      ['ab\u202ecba', 'abcba'],
      ['Alice\uFE0F', 'Alice'],
      ['\u2800Bo\u3164b\u2800', 'Bob'],
      ['Ana \u200d Bell', 'Ana Bell'],
    ]) {
      expect(checkNickname(raw!), JSON.stringify(raw)).toEqual({ ok: true, nickname: shown });
    }
    for (const blank of ['\u2800', '\u2800 \u2800', '\u200b\u200c\u200d\u2060', '\u3164\u115F\uFFA0', '\uFE0F\u{E0041}']) {
      expect(reason(blank), JSON.stringify(blank)).toBe('invisible');
    }
    expect(reason('   ')).toBe('empty');
    expect(reason('')).toBe('empty');
  });

  it('keeps the joiners and selectors inside an emoji', () => {
    for (const emoji of ['🏳️‍🌈 Sam', '👩🏽‍🚀', '❤️ Ana']) expect(checkNickname(emoji)).toEqual({ ok: true, nickname: emoji });
  });

  it('refuses a tower of combining marks but not the accents real names carry', () => {
    expect(reason(`Zal${'\u0301'.repeat(16)}go`)).toBe('marks');
    expect(reason(`x${'\u0300\u0301\u0302\u0303'}`)).toBe('marks');
    for (const name of ['Tiếng Việt', 'Nguyễn Thị', 'กิ่งก้าน', 'שָׁלוֹם', 'Zoë', `x${'\u0300\u0301\u0302'}`]) expect(reason(name), name).toBe('ok');
  });

  it('counts length after cleaning', () => {
    expect(reason('x'.repeat(21))).toBe('too_long');
    expect(reason('x'.repeat(20))).toBe('ok');
    expect(reason(`${'x'.repeat(20)}\u200b\u200b`)).toBe('ok');
  });

  it('gives each refusal its own short message', () => {
    const messages = Object.values(NICKNAME_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) expect(message.length).toBeLessThan(110);
    expect(checkNickname('\u2800')).toEqual({ ok: false, reason: 'invisible', message: NICKNAME_MESSAGES.invisible });
    expect(checkNickname('Hitler')).toEqual({ ok: false, reason: 'not_allowed', message: NICKNAME_MESSAGES.not_allowed });
  });

  it('refuses profanity, even disguised', () => {
    expect(checkNickname('fuck').ok).toBe(false);
    expect(checkNickname('f u c k').ok).toBe(false);
    expect(checkNickname('Sh1tface').ok).toBe(false);
    for (const fine of ['Scunthorpe', 'Grass Hopper', 'Class Act', 'Ada Lovelace', 'Mr. Tea', 'Cocktail Shaker']) {
      expect(checkNickname(fine).ok, fine).toBe(true);
    }
  });

  it('folds case, width, invisible characters and look-alike letters for uniqueness', () => {
    expect(nicknameKey('ANA')).toBe(nicknameKey('ana'));
    expect(nicknameKey('ａｎａ')).toBe(nicknameKey('Ana'));
    for (const lookalike of ['ＡＬＩＣＥ', '\u0430lice', 'Alice\uFE0F', 'AL\u0399CE', 'al\u0456ce', 'A\u200blice']) {
      expect(nicknameKey(lookalike), JSON.stringify(lookalike)).toBe(nicknameKey('alice'));
    }
    expect(nicknameKey('Zoë')).not.toBe(nicknameKey('Zoe'));
    expect(nicknameKey('Ana 01')).not.toBe(nicknameKey('Ana 10'));
  });

  it('shows the name as typed, look-alike letters and all, while comparing its skeleton', () => {
    const cyrillic = checkNickname('\u0430lice');
    expect(cyrillic).toEqual({ ok: true, nickname: '\u0430lice' });
    expect(nicknameKey(cyrillic.ok ? cyrillic.nickname : '')).toBe('alice');
  });

  it('generates friendly names that pass the checks', () => {
    for (let i = 0; i < 20; i++) expect(checkNickname(generatedNickname(i)).ok).toBe(true);
    // Numbered names cover every suffix, including those the filter reads as words.
    for (let i = 0; i < 3000; i++) expect(checkNickname(generatedNickname(3)).ok).toBe(true);
  });
});
