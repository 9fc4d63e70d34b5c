import type { ReportSummary, SavedReport } from '../../shared/report.js';

/** Reports of rooms created without an account (open mode) are kept under this owner. */
export const OPEN_BUCKET = 'open';

/** Finished games' reports, per owner (an account id or OPEN_BUCKET), each kept for the retention period. */
export interface ReportStore {
  /** First write wins: saving a report whose id is already stored changes nothing. */
  save(owner: string, report: SavedReport): Promise<void>;
  /** Newest first. */
  list(owner: string): Promise<ReportSummary[]>;
  get(owner: string, id: string): Promise<SavedReport | null>;
}

/** How many reports a list returns: a year of weekly games in several classes. */
export const REPORT_LIST_MAX = 200;

export function summarize(report: SavedReport): ReportSummary {
  const { id, pin, quizId, quizTitle, quizVersion, startedAt, finishedAt, endedEarly, players, questions } = report;
  const averageAccuracy = players.length === 0 ? null : players.reduce((sum, p) => sum + p.accuracy, 0) / players.length;
  return { id, pin, quizId, quizTitle, quizVersion, startedAt, finishedAt, endedEarly, playerCount: players.length, questionCount: questions.length, averageAccuracy };
}

interface Kept {
  report: SavedReport;
  expiresAt: number;
}

/** The embedded default: expiry is checked on read, as nothing outlives the process anyway. */
export class MemoryReportStore implements ReportStore {
  private readonly owners = new Map<string, Map<string, Kept>>();

  constructor(
    private readonly ttlSec: number,
    private readonly now: () => number = Date.now,
  ) {}

  private live(owner: string): Map<string, Kept> {
    let kept = this.owners.get(owner);
    if (!kept) this.owners.set(owner, (kept = new Map()));
    for (const [id, entry] of kept) if (entry.expiresAt <= this.now()) kept.delete(id);
    return kept;
  }

  async save(owner: string, report: SavedReport): Promise<void> {
    const kept = this.live(owner);
    if (!kept.has(report.id)) kept.set(report.id, { report: structuredClone(report), expiresAt: this.now() + this.ttlSec * 1000 });
  }

  async list(owner: string): Promise<ReportSummary[]> {
    return [...this.live(owner).values()]
      .map((e) => summarize(e.report))
      .sort((a, b) => b.finishedAt - a.finishedAt)
      .slice(0, REPORT_LIST_MAX);
  }

  async get(owner: string, id: string): Promise<SavedReport | null> {
    const entry = this.live(owner).get(id);
    return entry ? structuredClone(entry.report) : null;
  }
}
