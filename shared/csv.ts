/**
 * CSV that is safe to open in a spreadsheet, written the same way by the server (quiz exports) and the
 * dashboard (report tables): RFC 4180 quoting, CRLF rows, and no cell that a spreadsheet would run as a formula.
 */
export type CsvValue = string | number | null;

/** A cell a spreadsheet would read as a formula: = + - @ (or a tab or CR, which some strip first). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A text cell such as "=HYPERLINK(...)" gets a leading apostrophe, which spreadsheets show as text. Text that
 * already starts with apostrophes before such a character gets one more, so `unescapeFormula` is its exact inverse.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `escapeFormula` when a CSV this app wrote is read back (quiz import). */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? escapeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
