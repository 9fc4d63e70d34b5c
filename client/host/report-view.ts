import type { GameOver } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { downloadCsv, toCsv } from './csv.js';
import { playersCsvTable, savedReportOf } from './players-csv.js';

type Report = NonNullable<GameOver['report']>;

export function reportView(report: Report, title: string, pin: string, onNewGame: () => void): HTMLElement {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const seconds = (ms: number | null) => (ms === null ? '' : (ms / 1000).toFixed(1));
  const stamp = new Date().toISOString().slice(0, 10);

  const playerRows = report.players.map((p) => [p.rank, p.nickname, p.score, p.correct, p.answered]);
  const questionRows = report.questions.map((q) => [q.index + 1, q.text, q.answered, q.correct, percent(q.shareCorrect), seconds(q.averageResponseMs)]);
  const playerHead = ['Rank', 'Nickname', 'Score', 'Correct', 'Answered'];
  const questionHead = ['#', 'Question', 'Answered', 'Correct', 'Share correct', 'Average time (s)'];

  return h('section', { class: 'stage stage-report', attrs: { 'data-view': 'report' } }, [
    h('h1', { text: `Report: ${title}` }),
    h('div', { class: 'report-actions' }, [
      h('button', {
        class: 'btn',
        text: 'Download CSV (players)',
        attrs: { type: 'button' },
        on: {
          // The saved report holds every player's answers; the summary game:over carries is the fallback.
          click: async () => {
            const saved = await savedReportOf(pin);
            const { head, rows } = saved ? playersCsvTable(saved) : { head: playerHead, rows: playerRows };
            downloadCsv(`quizroom-${pin}-${stamp}-players.csv`, toCsv([head, ...rows]));
          },
        },
      }),
      h('button', {
        class: 'btn',
        text: 'Download CSV (questions)',
        attrs: { type: 'button' },
        on: { click: () => downloadCsv(`quizroom-${pin}-${stamp}-questions.csv`, toCsv([questionHead, ...questionRows])) },
      }),
      h('button', { class: 'btn btn-quiet', text: 'New game', attrs: { type: 'button' }, on: { click: onNewGame } }),
    ]),
    h('div', { class: 'report-tables' }, [table('Players', playerHead, playerRows), table('Questions', questionHead, questionRows)]),
  ]);
}

export function table(caption: string, head: string[], rows: (string | number)[][]): HTMLElement {
  return h('div', { class: 'table-wrap' }, [
    h('table', { class: 'report-table' }, [
      h('caption', { text: caption }),
      h('thead', {}, [h('tr', {}, head.map((label) => h('th', { text: label, attrs: { scope: 'col' } })))]),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((value) => h('td', { text: value }))))),
    ]),
  ]);
}
