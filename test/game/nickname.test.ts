import { describe, expect, it } from 'vitest';
import { checkNickname, generatedNickname, nicknameKey } from '../../server/game/nickname.js';

describe('nicknames', () => {
  it('trims, normalises and collapses spaces', () => {
    expect(checkNickname('  Ada   Lovelace ')).toMatchObject({ ok: true, nickname: 'Ada Lovelace' });
    expect(checkNickname('Cafe\u0301')).toMatchObject({ ok: true, nickname: 'Café' });
  });

  it('refuses empty, too long, invisible and control characters', () => {
    expect(checkNickname('   ').ok).toBe(false);
    expect(checkNickname('x'.repeat(21)).ok).toBe(false);
    expect(checkNickname('x'.repeat(20)).ok).toBe(true);
    expect(checkNickname('ab\u200bc').ok).toBe(false);
    expect(checkNickname('ab\u0007').ok).toBe(false);
    expect(checkNickname('ab\u202ecba').ok).toBe(false);
  });

  it('refuses profanity, even disguised', () => {
    expect(checkNickname('fuck').ok).toBe(false);
    expect(checkNickname('f u c k').ok).toBe(false);
    expect(checkNickname('Sh1tface').ok).toBe(false);
    for (const fine of ['Scunthorpe', 'Grass Hopper', 'Class Act', 'Ada Lovelace', 'Mr. Tea', 'Cocktail Shaker']) {
      expect(checkNickname(fine).ok, fine).toBe(true);
    }
  });

  it('folds case and width for uniqueness', () => {
    expect(nicknameKey('ANA')).toBe(nicknameKey('ana'));
    expect(nicknameKey('ａｎａ')).toBe(nicknameKey('Ana'));
  });

  it('generates friendly names that pass the checks', () => {
    for (let i = 0; i < 20; i++) expect(checkNickname(generatedNickname(i)).ok).toBe(true);
    // Numbered names cover every suffix, including those the filter reads as words.
    for (let i = 0; i < 3000; i++) expect(checkNickname(generatedNickname(3)).ok).toBe(true);
  });
});
