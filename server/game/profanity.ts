import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern } from 'obscenity';
import { ALLOWED_NAMES, EXTRA_PATTERNS, EXTRA_TERMS } from './name-lists.js';

/** The two parts of obscenity's matcher that it keeps private and this filter reuses as they are. */
interface MatcherInternals {
  blacklistedTerms: { regExp: RegExp }[];
  blacklistMatcherTransformers: unknown;
  applyTransformers(input: string, transformers: unknown): [number[], string];
}

/** obscenity's English dataset with this project's EXTRA_TERMS, added through its public phrase builder. */
export function nicknameDataset(): DataSet<{ originalWord?: string }> {
  const dataset = new DataSet<{ originalWord?: string }>().addAll(englishDataset);
  for (const term of EXTRA_TERMS) dataset.addPhrase((phrase) => phrase.setMetadata({ originalWord: term }).addPattern(parseRawPattern(term)));
  return dataset;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every allowed name as whole words, longest first so "Magna Cum Laude" goes whole rather than leaving "Magna". */
const ALLOWED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...ALLOWED_NAMES].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/**
 * obscenity's English filter, with a quick first pass. Its matcher runs each of its ~120 terms with
 * `matchAll`, which copies the term's regex on every call: about 28 µs a name, twice per typed nickname, the
 * largest part of a join's own server time in a join storm. Almost no name matches any term at all, and one
 * regex holding every term as an alternative tells so in one pass over the same transformed text (under 1 µs).
 * Only a name it matches goes through obscenity's full check, which also applies the whitelist; a name the
 * quick pass clears matches no term, so obscenity would clear it too.
 */
export class ProfanityFilter {
  private readonly matcher = new RegExpMatcher({ ...nicknameDataset().build(), ...englishRecommendedTransformers });
  private readonly internals = this.matcher as unknown as MatcherInternals;
  private readonly anyTerm = new RegExp(this.internals.blacklistedTerms.map((term) => `(?:${term.regExp.source})`).join('|'), 's');

  /** Whether any blacklisted term matches somewhere, whitelist aside; false means the name is clean. */
  mayMatch(input: string): boolean {
    const [, transformed] = this.internals.applyTransformers(input, this.internals.blacklistMatcherTransformers);
    return this.anyTerm.test(transformed);
  }

  hasMatch(input: string): boolean {
    return this.mayMatch(input) && this.matcher.hasMatch(input);
  }

  /**
   * Whether a nickname is refused. Allowed names are taken out first; the rest is read as typed and with
   * separators removed, since spaced-out letters ("f u c k") are a favourite dodge.
   */
  refuses(nickname: string): boolean {
    const rest = nickname.replace(ALLOWED, ' ');
    const joined = rest.replace(/[\s._-]+/g, '');
    const plain = joined.toLowerCase();
    return this.hasMatch(rest) || this.hasMatch(joined) || EXTRA_PATTERNS.some((pattern) => pattern.test(plain));
  }
}
