import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { toCsv, unescapeFormula } from '../../shared/csv.js';
import { QUESTION_TYPES, questionSchema, quizSchema, type Question, type QuestionInput, type QuestionType, type Quiz, type Section } from '../../shared/quiz.js';
import { QuizImportError, type ImportIssue } from './import-error.js';

/*
 * The Kahoot-style spreadsheet layout, plus our own trailing columns so that our export re-imports
 * without loss. Only the Question column is required; a missing or blank cell takes a default:
 * - Type: typed when there are no answers but Accepted spellings; truefalse when the answers are
 *   exactly True, False; multi when several answers are correct; single otherwise.
 * - Time limit (sec): 20. Difficulty: 2 (medium).
 * - Explanation: "The correct answer is: …" built from the correct answers.
 * - Section: "3. Title", "3: Title" or "3"; blank puts the question in section 1 named after the quiz, since an
 *   imported quiz is usually one topic. Text without a number also goes in section 1.
 * - One typo: "yes" lets a typed question accept one wrong letter in a long answer; blank means no.
 * Header cells match by prefix, so Kahoot's "Answer 1 - max 75 characters" works too.
 */
const ANSWER_COLUMNS = ['Answer 1', 'Answer 2', 'Answer 3', 'Answer 4'] as const;
const HEADER = [
  'Question',
  ...ANSWER_COLUMNS,
  'Time limit (sec)',
  'Correct answer(s)',
  'Type',
  'Accepted',
  'Explanation',
  'Section',
  'Difficulty',
  'One typo',
] as const;
type Column = (typeof HEADER)[number];

const DEFAULT_TIME_LIMIT_SEC = 20;
const DEFAULT_DIFFICULTY = 2;

/** Written with the dashboard's CSV writer (no cell runs as a formula); the BOM makes Excel read it as UTF-8. */
export function exportQuizCsv(quiz: Quiz): string {
  const rows = quiz.questions.map((q) => [
    q.text,
    ...ANSWER_COLUMNS.map((_, i) => q.options[i] ?? ''),
    String(q.timeLimitSec),
    q.correct.map((i) => i + 1).join(','),
    q.type,
    q.accepted.join('|'),
    q.explanation,
    `${q.section.number}. ${q.section.title}`,
    String(q.difficulty),
    q.acceptOneTypo ? 'yes' : '',
  ]);
  return `\uFEFF${toCsv([[...HEADER], ...rows])}`;
}

/** Parses a whole sheet or refuses it with every problem found; never returns a partial quiz. */
export function importQuizCsv(csv: string, meta: { id: string; title: string }): Quiz {
  const records = parseRecords(csv);
  const columns = headerColumns(records[0] ?? []);
  if (!columns.has('Question')) {
    throw new QuizImportError([{ row: 1, field: 'Question', message: 'the header row has no Question column' }]);
  }
  const issues: ImportIssue[] = [];
  const questions: Question[] = [];
  records.slice(1).forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const row = index + 2;
    const cell = (column: Column) => unescapeFormula(record[columns.get(column) ?? -1]?.trim() ?? '');
    const report = (field: string, message: string) => issues.push({ row, field, message });
    const question = readQuestion(cell, questions.length + 1, meta.title, report);
    if (question) questions.push(question);
  });
  if (issues.length === 0 && questions.length === 0) issues.push({ row: null, field: 'Question', message: 'the file has no questions' });
  if (issues.length > 0) throw new QuizImportError(issues);

  const result = quizSchema.safeParse({ ...meta, questions });
  if (!result.success) throw new QuizImportError(result.error.issues.map(quizIssue));
  return result.data;
}

function parseRecords(csv: string): string[][] {
  try {
    return parse(csv, { bom: true, relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.records === 'number' ? error.records + 1 : null;
    throw new QuizImportError([{ row, field: '(file)', message: error.message }]);
  }
}

function headerColumns(header: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  header.forEach((raw, index) => {
    const cell = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    const column = HEADER.find((name) => {
      const key = name.toLowerCase();
      return cell === key || cell.startsWith(`${key} `);
    });
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

function readQuestion(
  cell: (column: Column) => string,
  number: number,
  quizTitle: string,
  report: (field: string, message: string) => void,
): Question | undefined {
  const answers = ANSWER_COLUMNS.map((column) => ({ column, text: cell(column) })).filter((a) => a.text !== '');
  const accepted = cell('Accepted').split('|').map((s) => s.trim()).filter(Boolean);
  const correct = correctIndexes(cell('Correct answer(s)'), answers, report);
  const type = questionType(cell('Type'), answers.map((a) => a.text), correct, accepted, report);
  const timeLimitSec = wholeNumber(cell('Time limit (sec)'), DEFAULT_TIME_LIMIT_SEC, 'Time limit (sec)', report);
  const difficulty = wholeNumber(cell('Difficulty'), DEFAULT_DIFFICULTY, 'Difficulty', report);
  if (!correct || !type || timeLimitSec === undefined || difficulty === undefined) return undefined;

  const shown = type === 'typed' ? accepted.slice(0, 1) : correct.map((i) => answers[i]!.text);
  const input: QuestionInput = {
    id: `q${String(number).padStart(3, '0')}`,
    section: section(cell('Section'), quizTitle),
    type,
    text: cell('Question'),
    options: answers.map((a) => a.text),
    correct,
    accepted,
    ...(/^(yes|true|1)$/i.test(cell('One typo')) ? { acceptOneTypo: true } : {}),
    explanation: cell('Explanation') || `The correct answer is: ${shown.join('; ')}.`,
    difficulty,
    timeLimitSec,
  };
  const result = questionSchema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) report(columnOf(issue.path, answers), issue.message);
  return undefined;
}

/** "1,3" (or "1; 3", "1 3") to option indexes, skipping empty answer cells as the options do. */
function correctIndexes(
  raw: string,
  answers: { column: string }[],
  report: (field: string, message: string) => void,
): number[] | undefined {
  const indexes: number[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const index = answers.findIndex((a) => a.column === `Answer ${part}`);
    if (index === -1) {
      report('Correct answer(s)', /^[1-4]$/.test(part) ? `answer ${part} is empty` : `"${part}" is not an answer number 1-4`);
      return undefined;
    }
    indexes.push(index);
  }
  return indexes;
}

function questionType(
  raw: string,
  options: string[],
  correct: number[] | undefined,
  accepted: string[],
  report: (field: string, message: string) => void,
): QuestionType | undefined {
  const given = raw.toLowerCase();
  if (given !== '') {
    if ((QUESTION_TYPES as readonly string[]).includes(given)) return given as QuestionType;
    report('Type', `must be one of ${QUESTION_TYPES.join(', ')}`);
    return undefined;
  }
  if (options.length === 0 && accepted.length > 0) return 'typed';
  if (options.length === 2 && options[0] === 'True' && options[1] === 'False') return 'truefalse';
  return (correct?.length ?? 0) > 1 ? 'multi' : 'single';
}

function wholeNumber(
  raw: string,
  fallback: number,
  column: Column,
  report: (field: string, message: string) => void,
): number | undefined {
  if (raw === '') return fallback;
  if (/^\d+$/.test(raw)) return Number(raw);
  report(column, `"${raw}" is not a whole number`);
  return undefined;
}

function section(raw: string, quizTitle: string): Section {
  const numbered = /^(\d+)(?:[.):]\s*(.*))?$/.exec(raw);
  if (numbered) return { number: Number(numbered[1]), title: numbered[2]?.trim() || `Section ${numbered[1]}` };
  return { number: 1, title: (raw || quizTitle).slice(0, 80) };
}

const FIELD_COLUMNS: Record<string, Column> = {
  text: 'Question',
  type: 'Type',
  correct: 'Correct answer(s)',
  accepted: 'Accepted',
  acceptOneTypo: 'One typo',
  explanation: 'Explanation',
  section: 'Section',
  difficulty: 'Difficulty',
  timeLimitSec: 'Time limit (sec)',
};

function columnOf(path: readonly PropertyKey[], answers: { column: string }[]): string {
  const [field, index] = path;
  if (field === 'options') return typeof index === 'number' ? (answers[index]?.column ?? 'Answer 1') : 'Answer 1';
  return FIELD_COLUMNS[String(field)] ?? String(field);
}

/** Rows are already valid here, so what is left concerns the quiz: its id, title or size. */
function quizIssue(issue: z.core.$ZodIssue): ImportIssue {
  return { row: null, field: issue.path.map(String).join('.') || '(quiz)', message: issue.message };
}
