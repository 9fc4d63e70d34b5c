import type { Question, Quiz, QuizSummary, Section } from '../../shared/quiz.js';
import { loadBank } from './bank.js';

export interface QuizCatalog {
  list(): QuizSummary[]; // id, title, description, section|null, questionCount
  get(id: string): Quiz | undefined; // quick-mix returns a fresh random sample each call
  /**
   * Keeps an imported quiz and returns the id it is kept under: never one already taken (a clash gets a
   * numbered id), so an import never replaces another's quiz or a built-in. Null once the catalog is full.
   */
  add(quiz: Quiz): string | null;
}

/** Imported quizzes one process keeps (each at most a 256 KB body): enough for a school, bounded for memory. */
export const IMPORTED_MAX = 50;

export const QUICK_MIX_ID = 'quick-mix';
export const QUICK_MIX_SIZE = 10;

const MODULE = 'Module 16: Python & Data Foundations';
const SECTION_IDS: Record<number, string> = { 8: 'module-16-recap', 9: 'module-16-self-check' };

interface Entry {
  summary: QuizSummary;
  quiz: () => Quiz;
}

export function createCatalog(options: { bank?: Question[]; random?: () => number } = {}): QuizCatalog {
  const bank = options.bank ?? loadBank();
  const random = options.random ?? Math.random;
  const builtIns = new Map<string, Entry>();
  const imported = new Map<string, Quiz>();

  const addBuiltIn = (quiz: Quiz, section: Section | null) => builtIns.set(quiz.id, { summary: summarize(quiz, section), quiz: () => quiz });
  addBuiltIn({ id: 'module-16', title: MODULE, description: 'Every question of the module, in order.', questions: bank }, null);
  for (const [section, questions] of bySection(bank)) {
    const id = SECTION_IDS[section.number] ?? `module-16-s${section.number}`;
    addBuiltIn({ id, title: `${section.number}. ${section.title}`, description: `${MODULE}, section ${section.number}.`, questions }, section);
  }
  const mixSize = Math.min(QUICK_MIX_SIZE, bank.length);
  builtIns.set(QUICK_MIX_ID, {
    summary: {
      id: QUICK_MIX_ID,
      title: 'Quick mix',
      description: `${mixSize} random questions drawn across the module's sections; new each game.`,
      section: null,
      questionCount: mixSize,
    },
    quiz: () => ({ id: QUICK_MIX_ID, title: 'Quick mix', description: '', questions: quickMix(bank, mixSize, random) }),
  });

  return {
    list: () => [...[...builtIns.values()].map((e) => e.summary), ...[...imported.values()].map((q) => summarize(q, null))],
    get: (id) => builtIns.get(id)?.quiz() ?? imported.get(id),
    add(quiz) {
      if (imported.size >= IMPORTED_MAX) return null;
      const taken = (id: string) => builtIns.has(id) || imported.has(id);
      let id = quiz.id;
      for (let n = 2; taken(id); n++) id = `${quiz.id.slice(0, 60)}-${n}`;
      imported.set(id, { ...quiz, id });
      return id;
    },
  };
}

function summarize(quiz: Quiz, section: Section | null): QuizSummary {
  return { id: quiz.id, title: quiz.title, description: quiz.description, section, questionCount: quiz.questions.length };
}

/** Groups by section number in ascending order, keeping bank order inside a section. */
function bySection(bank: Question[]): [Section, Question[]][] {
  const groups = new Map<number, [Section, Question[]]>();
  for (const q of bank) {
    const group = groups.get(q.section.number) ?? [q.section, []];
    group[1].push(q);
    groups.set(q.section.number, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/** Round-robin over shuffled sections so that no section dominates a short game. */
function quickMix(bank: Question[], size: number, random: () => number): Question[] {
  const pools = shuffle(bySection(bank).map(([, questions]) => shuffle(questions, random)), random);
  const picked: Question[] = [];
  while (picked.length < size) {
    for (const pool of pools) {
      const next = pool.pop();
      if (next && picked.length < size) picked.push(next);
    }
  }
  return picked;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
