import { randomBytes } from 'node:crypto';
import type { Quiz } from '../../shared/quiz.js';

/** One host quiz as stored: the quiz, its version (1 on creation, +1 on every save) and when it was last saved. */
export interface LibraryEntry {
  quiz: Quiz;
  version: number;
  updatedAt: number;
}

/** A save gives the new version, or says why nothing was written. */
export type SaveOutcome = { saved: true; version: number } | { saved: false; reason: 'missing' | 'exists' | 'full' };

/** A library holds at most this many quizzes per host: enough for years of weekly lessons, and bounded. */
export const LIBRARY_MAX_QUIZZES = 500;

/** Each host's own quizzes, keyed by account id. Another host's quiz ids simply do not exist here. */
export interface QuizLibrary {
  list(ownerId: string): Promise<LibraryEntry[]>;
  get(ownerId: string, quizId: string): Promise<LibraryEntry | null>;
  /** `create` refuses an id in use or a full library; `update` refuses a quiz that is not there. */
  save(ownerId: string, quiz: Quiz, mode: 'create' | 'update', now: number): Promise<SaveOutcome>;
  remove(ownerId: string, quizId: string): Promise<boolean>;
}

/** Host quiz ids are the server's, never the author's: they cannot shadow a built-in or collide across hosts. */
export function newQuizId(): string {
  return `my-${randomBytes(6).toString('hex')}`;
}

/** The embedded default, beside the memory room store: one process, gone on restart. */
export class MemoryQuizLibrary implements QuizLibrary {
  private readonly owners = new Map<string, Map<string, LibraryEntry>>();

  private shelf(ownerId: string): Map<string, LibraryEntry> {
    let shelf = this.owners.get(ownerId);
    if (!shelf) this.owners.set(ownerId, (shelf = new Map()));
    return shelf;
  }

  async list(ownerId: string): Promise<LibraryEntry[]> {
    return [...(this.owners.get(ownerId)?.values() ?? [])].map((e) => structuredClone(e));
  }

  async get(ownerId: string, quizId: string): Promise<LibraryEntry | null> {
    const entry = this.owners.get(ownerId)?.get(quizId);
    return entry ? structuredClone(entry) : null;
  }

  async save(ownerId: string, quiz: Quiz, mode: 'create' | 'update', now: number): Promise<SaveOutcome> {
    const shelf = this.shelf(ownerId);
    const previous = shelf.get(quiz.id);
    if (mode === 'update' && !previous) return { saved: false, reason: 'missing' };
    if (mode === 'create' && previous) return { saved: false, reason: 'exists' };
    if (mode === 'create' && shelf.size >= LIBRARY_MAX_QUIZZES) return { saved: false, reason: 'full' };
    const version = (previous?.version ?? 0) + 1;
    shelf.set(quiz.id, { quiz: structuredClone(quiz), version, updatedAt: now });
    return { saved: true, version };
  }

  async remove(ownerId: string, quizId: string): Promise<boolean> {
    return this.owners.get(ownerId)?.delete(quizId) ?? false;
  }
}
