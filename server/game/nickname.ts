import { randomInt } from 'node:crypto';
import { ProfanityFilter } from './profanity.js';

export const NICKNAME_MAX = 20;

/** Built once: obscenity compiles its whole dataset into the matcher. */
const profanity = new ProfanityFilter();

/** Control, format (zero-width, bidi overrides), surrogate, private-use and unassigned code points. */
const INVISIBLE = /[\p{C}\u115F\u1160\u3164\uFFA0]/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; message: string };

/** The form used for uniqueness: case and compatibility forms folded, so "ANA" and "ａｎａ" collide with "ana". */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLocaleLowerCase('en');
}

export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (nickname.length === 0) return { ok: false, message: 'Choose a nickname.' };
  if ([...nickname].length > NICKNAME_MAX) return { ok: false, message: `Nicknames are at most ${NICKNAME_MAX} characters.` };
  if (INVISIBLE.test(nickname)) return { ok: false, message: 'That nickname has invisible or control characters.' };
  // Spaced-out letters ("f u c k") are a favourite dodge, so the name is also checked with separators removed.
  if (profanity.hasMatch(nickname) || profanity.hasMatch(nickname.replace(/[\s._-]+/g, ''))) return { ok: false, message: 'Please choose a friendlier nickname.' };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

const ADJECTIVES = [
  'Brave', 'Calm', 'Clever', 'Curious', 'Eager', 'Gentle', 'Happy', 'Jolly', 'Kind', 'Lucky', 'Mighty', 'Nimble',
  'Polite', 'Quick', 'Quiet', 'Sunny', 'Swift', 'Witty', 'Bright', 'Bold', 'Cosmic', 'Daring', 'Fuzzy', 'Zesty',
];
const ANIMALS = [
  'Otter', 'Panda', 'Falcon', 'Koala', 'Lynx', 'Heron', 'Badger', 'Dolphin', 'Gecko', 'Ibis', 'Marmot', 'Newt',
  'Owl', 'Puffin', 'Quokka', 'Raven', 'Seal', 'Tapir', 'Walrus', 'Yak', 'Zebra', 'Bison', 'Crane', 'Moose',
];

/** A friendly generated nickname ("Curious Otter 77"); the caller retries on a collision. */
export function generatedNickname(attempt: number): string {
  const name = `${ADJECTIVES[randomInt(ADJECTIVES.length)]} ${ANIMALS[randomInt(ANIMALS.length)]}`;
  if (attempt < 3) return name;
  // The filter reads some numbers as words (455, 717): draw again until the name passes the typed names' check.
  for (;;) {
    const numbered = `${name} ${randomInt(10, 1000)}`;
    if (checkNickname(numbered).ok) return numbered;
  }
}
