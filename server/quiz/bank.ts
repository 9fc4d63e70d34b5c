import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { questionSchema, type Question } from '../../shared/quiz.js';

const BANK_URL = new URL('./data/module-16.json', import.meta.url);

/** Validates a bank; the message names the question and field so a bad edit is found at once. */
export function parseBank(raw: unknown): Question[] {
  if (!Array.isArray(raw)) throw new Error('question bank: expected an array of questions');
  const questions = raw.map((item, index) => {
    const result = questionSchema.safeParse(item);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    throw new Error(`question bank: question ${index} (${idOf(item)}) field ${fieldOf(issue.path)}: ${issue.message}`);
  });
  checkAcross(questions);
  return questions;
}

function checkAcross(questions: Question[]): void {
  const ids = new Map<string, number>();
  const texts = new Map<string, number>();
  questions.forEach((q, index) => {
    const text = q.text.toLowerCase().replace(/\s+/g, ' ');
    const sameId = ids.get(q.id);
    if (sameId !== undefined) throw new Error(`question bank: question ${index} (${q.id}) field id: repeats question ${sameId}`);
    const sameText = texts.get(text);
    if (sameText !== undefined) {
      throw new Error(`question bank: question ${index} (${q.id}) field text: repeats question ${sameText}`);
    }
    ids.set(q.id, index);
    texts.set(text, index);
  });
}

function idOf(item: unknown): string {
  const id = z.object({ id: z.string() }).safeParse(item);
  return id.success ? id.data.id : 'no id';
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(question)' : path.map(String).join('.');
}

/** The module 16 bank shipped with the server, read once at start-up. */
export function loadBank(): Question[] {
  return parseBank(JSON.parse(readFileSync(BANK_URL, 'utf8')));
}
