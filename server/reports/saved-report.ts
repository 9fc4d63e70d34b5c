import type { GameAnalysis, SavedReport } from '../../shared/report.js';
import type { RoomRecord } from '../game/records.js';

/** A room is one game: its PIN and creation time name its report, so saving it again finds the same id. */
function reportId(room: Pick<RoomRecord, 'pin' | 'createdAt'>): string {
  return `${room.createdAt.toString(36)}-${room.pin}`;
}

export function savedReport(room: RoomRecord, analysis: GameAnalysis, finishedAt: number): SavedReport {
  return {
    id: reportId(room),
    pin: room.pin,
    quizId: room.settings.quizId,
    quizTitle: room.settings.title,
    quizVersion: room.settings.quizVersion ?? null,
    startedAt: room.createdAt,
    finishedAt,
    endedEarly: room.endedEarly === true,
    ...analysis,
  };
}
