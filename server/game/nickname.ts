import { randomInt } from 'node:crypto';
import { caselessSkeleton } from './confusable-skeleton.js';
import { ProfanityFilter } from './profanity.js';

export const NICKNAME_MAX = 20;
/** Combining marks allowed on one letter: enough for Vietnamese, Thai or Hebrew, too few for a tower of them. */
export const NICKNAME_MAX_MARKS = 3;

/** What a player reads for each refusal, worded for a 12-year-old. */
export const NICKNAME_MESSAGES = {
  empty: 'Type a nickname first.',
  invisible: 'Your nickname is only invisible letters. Type one we can see.',
  marks: `Too many accent marks on one letter. Use ${NICKNAME_MAX_MARKS} or fewer.`,
  too_long: `That nickname is too long. Use ${NICKNAME_MAX} letters or fewer.`,
  not_allowed: 'That nickname is not allowed. Please pick a kinder one.',
  taken: 'Someone in this game already has that nickname, or one that looks just like it. Pick another one.',
} as const;

export type NicknameRefusal = Exclude<keyof typeof NICKNAME_MESSAGES, 'taken'>;
export type NicknameCheck = { ok: true; nickname: string } | { ok: false; reason: NicknameRefusal; message: string };

/** Built once: obscenity compiles its whole dataset into the matcher. */
const profanity = new ProfanityFilter();

/** Control, format (zero-width, bidi), unassigned, private-use and default-ignorable code points, and the blank braille cell. */
const INVISIBLE_CLASS = String.raw`[\p{C}\p{Default_Ignorable_Code_Point}\u2800]`;
/** A pictograph with its skin tone or presentation selector, as emoji sequences join them. */
const EMOJI = String.raw`\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]*`;
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'gu');
/** Invisible characters, or a whole emoji sequence (captured, so its joiners and selectors stay). */
const INVISIBLE_OUTSIDE_EMOJI = new RegExp(`(${EMOJI}(?:\\u200D${EMOJI})*)|${INVISIBLE_CLASS}`, 'gu');
const STACKED_MARKS = new RegExp(`[\\p{Mn}\\p{Me}]{${NICKNAME_MAX_MARKS + 1}}`, 'u');

const refuse = (reason: NicknameRefusal): NicknameCheck => ({ ok: false, reason, message: NICKNAME_MESSAGES[reason] });
const tidySpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The form compared for uniqueness: compatibility forms, invisible characters, case and look-alike letters
 * folded (UTS #39 skeleton), so "ＡＬＩＣＥ", "аlice" with a Cyrillic а and "Alice\uFE0F" all collide with "alice".
 */
export function nicknameKey(nickname: string): string {
  return caselessSkeleton(tidySpaces(nickname.normalize('NFKC').replace(INVISIBLE, '')));
}

/** The nickname as shown (compatibility forms folded, invisible characters dropped, spaces tidied), or why not. */
export function checkNickname(raw: string): NicknameCheck {
  if (raw.trim().length === 0) return refuse('empty');
  // Spaces are tidied before invisible characters go, so a tab or line break (control characters) parts words.
  const nickname = tidySpaces(tidySpaces(raw.normalize('NFKC')).replace(INVISIBLE_OUTSIDE_EMOJI, (_, emoji?: string) => emoji ?? ''));
  if (nickname.length === 0) return refuse('invisible');
  if (STACKED_MARKS.test(nickname)) return refuse('marks');
  if ([...nickname].length > NICKNAME_MAX) return refuse('too_long');
  if (profanity.refuses(nickname)) return refuse('not_allowed');
  return { ok: true, nickname };
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
