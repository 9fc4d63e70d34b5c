/*
 * How a typed answer is compared with a question's accepted spellings. Both sides are folded the way
 * people vary their writing without meaning something else: Unicode compatibility forms (NFKC), case,
 * spacing, curly quotes, a leading article, wrapping quotes and trailing punctuation, hyphens (joined or
 * spaced), simple plurals and British/American -ise/-ize. A typo is never folded away; a question may
 * opt in to one wrong, missing or extra letter, and only for answers of TYPO_MIN_LENGTH letters or more.
 */

/** Shorter answers get no typo tolerance: one letter off "GIL" or "venv" is another word. */
export const TYPO_MIN_LENGTH = 8;

const LEADING_ARTICLE = /^(?:a|an|the) /;
const LEADING_POSSESSIVE = /^[\p{L}\p{N}]+(?:'s|s') /u;
const WRAPPING = /^["'`]+|["'`.,;:!?…]+$/g;

/** Case, NFKC, curly quotes and spacing: the folding every comparison starts from. */
export function foldTyped(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Strips wrapping quotes, trailing punctuation and a leading article, in whichever order they stack. */
function strip(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(WRAPPING, '').trim().replace(LEADING_ARTICLE, '');
  } while (current !== previous);
  return current;
}

/** One word without possessive, singular, -ise spelling: "DataFrames" meets "DataFrame", "vectorized" meets "vectorised". */
function wordForm(word: string): string {
  const british = word
    .replace(/'s$/, '')
    .replace(/s'$/, 's')
    .replace(/iz(e|ed|es|ing|ations?|ers?)$/, 'is$1');
  if (british.length <= 3) return british;
  if (/(?:ss|x|ch|sh)es$/.test(british)) return british.slice(0, -2);
  if (/[^aeiou]ies$/.test(british)) return `${british.slice(0, -3)}y`;
  if (/[^su']s$/.test(british)) return british.slice(0, -1);
  return british;
}

function words(text: string): string {
  return text.split(' ').map(wordForm).join(' ');
}

/** The forms one spelling can take: hyphens read as spaces and as nothing ("lock-file" is "lock file" and "lockfile"). */
function forms(text: string): string[] {
  const spaced = words(text.replace(/-/g, ' ').replace(/\s+/g, ' ').trim());
  const joined = words(text.replace(/-/g, ''));
  return spaced === joined ? [spaced] : [spaced, joined];
}

/** The comparable forms of an accepted spelling. */
export function acceptedForms(accepted: string): string[] {
  return forms(strip(foldTyped(accepted)));
}

/** The comparable forms of what a player typed; a leading possessive ("Python's GIL") may also be dropped. */
export function givenForms(given: string): string[] {
  const stripped = strip(foldTyped(given));
  const unqualified = stripped.replace(LEADING_POSSESSIVE, '');
  return unqualified === stripped || unqualified === '' ? forms(stripped) : [...forms(stripped), ...forms(unqualified)];
}

/** Whether `given` matches one accepted spelling, allowing one letter's edit on long answers if the question opts in. */
export function matchesAccepted(given: string, accepted: readonly string[], acceptOneTypo = false): boolean {
  const mine = givenForms(given);
  return accepted.some((spelling) =>
    acceptedForms(spelling).some((form) =>
      mine.some((candidate) => candidate === form || (acceptOneTypo && form.length >= TYPO_MIN_LENGTH && withinOneEdit(candidate, form))),
    ),
  );
}

/** One letter replaced, added or dropped, and no more. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (i === short.length) return true;
  const tail = short.length === long.length ? i + 1 : i;
  return short.slice(tail) === long.slice(i + 1);
}
