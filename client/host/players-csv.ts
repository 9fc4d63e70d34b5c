import type { ReportSummary, SavedReport } from '../../shared/index.js';
import { api } from './api.js';
import { percent } from './past-games.js';

export type CsvTable = { head: string[]; rows: (string | number)[][] };

/** The players' table of a saved report as a spreadsheet: the totals, then each player's answer to every question. */
export function playersCsvTable(report: SavedReport): CsvTable {
  const head = ['Rank', 'Nickname', 'Score', 'Correct', 'Answered', 'Accuracy'];
  for (const q of report.questions) head.push(`Q${q.index + 1} answer`, `Q${q.index + 1} right`);
  const rows = report.players.map((p) => [
    p.rank,
    p.nickname,
    p.score,
    p.correct,
    p.answered,
    percent(p.accuracy),
    ...p.answers.flatMap((a) => (a ? [a.given, a.correct ? 'yes' : 'no'] : ['', ''])),
  ]);
  return { head, rows };
}

/** The saved report of the game just played in this room (the newest with its PIN), or null if the server kept none for this host. */
export async function savedReportOf(pin: string): Promise<SavedReport | null> {
  const list = await api<{ reports: ReportSummary[] }>('GET', '/api/my/reports');
  const found = list.ok ? list.reports.find((r) => r.pin === pin) : undefined;
  if (!found) return null;
  const reply = await api<{ report: SavedReport }>('GET', `/api/my/reports/${encodeURIComponent(found.id)}`);
  return reply.ok ? reply.report : null;
}
