/**
 * Words the nickname filter adds to obscenity's English dataset, in obscenity's pattern syntax (`|` marks a
 * word boundary): hate terms, slurs and spellings of obscenities that the dataset misses. Terms that could sit
 * inside ordinary words are bounded ("|coon|" leaves "Raccoon" alone); a real name that still trips one belongs
 * in ALLOWED_NAMES below.
 */
export const EXTRA_TERMS: readonly string[] = [
  'hitler',
  '|nazi',
  '|heil|',
  'siegheil',
  'swastika',
  'whitepower',
  'whitepride',
  '|spic|',
  'wetback',
  '|gook|',
  'raghead',
  '|coon|',
  '|paki|',
  '|jap|',
  'phuck',
  '|phuk|',
];

/**
 * Hate symbols that obscenity's transformers cannot express: they fold repeated letters ("kkk" becomes "k") and
 * read digits as letters, so these are matched on the plain lower-cased name with separators removed.
 */
export const EXTRA_PATTERNS: readonly RegExp[] = [/kkk/, /(?<!\d)1488(?!\d)/];

/**
 * Real names, places and phrases that contain a filtered word. Each is matched as whole words, case ignored, and
 * taken out of the name before the filter reads it, so "Dick Smith" and "Penistone" pass while "Dickhead" does not.
 */
export const ALLOWED_NAMES: readonly string[] = [
  // Given names and surnames.
  'Dick', 'Dickie', 'Dickey', 'Dickens', 'Dickerson', 'Dickinson', 'Dickson', 'Van Dyke',
  'Analise', 'Annalise', 'Analisa', 'Annalisa', 'Analiese',
  'Cumming', 'Cummings', 'Cummins', 'Cumberbatch',
  'Fukuda', 'Dikshit', 'Hardick', 'Semen',
  'Nazir', 'Nazira', 'Nazia', 'Nazim', 'Nazih',
  // Places.
  'Penistone', 'Bitche', 'Shitterton', 'Cumnor', 'Wankdorf', 'Fukushima', 'Phuket', 'Scunthorpe',
  // Phrases.
  'Cum Laude', 'Magna Cum Laude', 'Summa Cum Laude',
];
