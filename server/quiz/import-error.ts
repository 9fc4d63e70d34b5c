/**
 * One reason an import was refused. `row` is the spreadsheet row for CSV (the header is row 1),
 * the 1-based question number for JSON, and null when the problem concerns the whole file.
 */
export interface ImportIssue {
  row: number | null;
  field: string;
  message: string;
}

/** Thrown by the importers with every issue found, so the author can fix the file in one go. */
export class QuizImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    const first = issues[0];
    const where = first ? `${first.row === null ? '' : `row ${first.row} `}field ${first.field}: ${first.message}` : '';
    super(`quiz import refused (${issues.length} problem${issues.length === 1 ? '' : 's'}); ${where}`);
    this.name = 'QuizImportError';
  }
}
