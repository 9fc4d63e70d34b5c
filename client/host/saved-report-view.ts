import type { QuestionAnalysis, SavedReport } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { optionClass } from '../common/options.js';
import { downloadCsv, toCsv } from './csv.js';
import { percent, when } from './past-games.js';
import { playersCsvTable } from './players-csv.js';
import { table } from './report-view.js';

const seconds = (ms: number | null) => (ms === null ? '' : (ms / 1000).toFixed(1));

/** A bar whose length is set by a CSS custom property: allowed under the page's CSP, unlike a style attribute. */
function bar(share: number, className: string): HTMLElement {
  const fill = h('span', { class: `bar-fill ${className}` });
  fill.style.setProperty('--share', String(Math.max(0, Math.min(1, share))));
  return h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, [fill]);
}

/** Share of the room that got each question right: the quickest way to see what to teach again. */
function shareChart(report: SavedReport): HTMLElement {
  return h(
    'ul',
    { class: 'share-chart', attrs: { 'aria-label': 'Share of players who got each question right' } },
    report.questions.map((q) =>
      h('li', { class: report.hardest.includes(q.index) ? 'share-row is-hard' : 'share-row' }, [
        h('span', { class: 'share-label', text: `Q${q.index + 1}` }),
        bar(q.shareCorrect, 'share-fill'),
        h('span', { class: 'share-value', text: percent(q.shareCorrect) }),
        h('span', { class: 'sr-only', text: `${q.text}: ${percent(q.shareCorrect)} right` }),
      ]),
    ),
  );
}

/** How the room answered one question: a bar per option (right/wrong for typed ones), the right ones ticked. */
function distribution(q: QuestionAnalysis): HTMLElement {
  const labels = q.type === 'typed' ? ['Right', 'Wrong'] : q.options;
  const most = Math.max(1, ...q.distribution);
  const isRight = (i: number) => (q.type === 'typed' ? i === 0 : q.rightOptions.includes(i));
  return h('li', { class: 'distribution' }, [
    h('h3', { text: `${q.index + 1}. ${q.text}` }),
    h(
      'ul',
      { class: 'distribution-bars' },
      labels.map((label, i) =>
        h('li', { class: isRight(i) ? 'distribution-row is-right' : 'distribution-row' }, [
          h('span', { class: 'distribution-label', text: `${label}${isRight(i) ? ' ✓' : ''}` }),
          bar((q.distribution[i] ?? 0) / most, q.type === 'typed' ? (i === 0 ? 'fill-right' : 'fill-wrong') : optionClass(i)),
          h('span', { class: 'distribution-count', text: q.distribution[i] ?? 0 }),
        ]),
      ),
    ),
  ]);
}

function callouts(report: SavedReport): HTMLElement {
  const accuracy = new Map(report.players.map((p) => [p.nickname, p.accuracy]));
  return h('div', { class: 'report-callouts' }, [
    h('section', { class: 'callout' }, [
      h('h2', { text: 'May need help' }),
      report.needsHelp.length === 0
        ? h('p', { class: 'muted', text: 'Everyone got at least half the questions right.' })
        : h('ul', {}, report.needsHelp.map((name) => h('li', { text: `${name} · ${percent(accuracy.get(name) ?? 0)} right` }))),
    ]),
    h('section', { class: 'callout' }, [
      h('h2', { text: 'Hardest questions' }),
      report.hardest.length === 0
        ? h('p', { class: 'muted', text: 'Everyone got every question right.' })
        : h(
            'ol',
            {},
            report.hardest.map((i) => {
              const q = report.questions[i]!;
              return h('li', { text: `Q${i + 1} · ${q.text} · ${percent(q.shareCorrect)} right · answer: ${q.answer}` });
            }),
          ),
    ]),
  ]);
}

/** Each player's answers, folded away under their row so the table stays readable for a whole class. */
function answerSheets(report: SavedReport): HTMLElement {
  return h(
    'div',
    { class: 'answer-sheets' },
    report.players.map((p) =>
      h('details', {}, [
        h('summary', { text: `${p.nickname}: ${p.correct} of ${report.questions.length} right` }),
        h(
          'ol',
          {},
          p.answers.map((a, i) =>
            h('li', { class: a?.correct ? 'is-right' : 'is-wrong', text: a ? `${a.given} · ${a.correct ? 'right' : 'wrong'} · ${a.points} points · ${seconds(a.responseMs)} s` : `No answer (Q${i + 1})` }),
          ),
        ),
      ]),
    ),
  );
}

/** A past game's report: the teacher's summary, two charts, and the tables, each downloadable as CSV. */
export function savedReportView(report: SavedReport, onBack: () => void): HTMLElement {
  const stamp = new Date(report.finishedAt).toISOString().slice(0, 10);
  const playerHead = ['Rank', 'Nickname', 'Score', 'Correct', 'Answered', 'Accuracy'];
  const playerRows = report.players.map((p) => [p.rank, p.nickname, p.score, p.correct, p.answered, percent(p.accuracy)]);
  const questionHead = ['#', 'Question', 'Answer', 'Answered', 'Correct', 'Share correct', 'Average time (s)'];
  const questionRows = report.questions.map((q) => [q.index + 1, q.text, q.answer, q.answered, q.correct, percent(q.shareCorrect), seconds(q.averageResponseMs)]);
  const version = report.quizVersion === null ? 'built-in quiz' : `quiz version ${report.quizVersion}`;
  const csv = (name: string, head: string[], rows: (string | number)[][]) => () => downloadCsv(`quizroom-${report.pin}-${stamp}-${name}.csv`, toCsv([head, ...rows]));
  const playersCsv = playersCsvTable(report);

  return h('section', { class: 'saved-report', attrs: { 'data-view': 'saved-report', 'data-home': '' } }, [
    h('div', { class: 'dashboard-top' }, [
      h('h1', { text: `Report: ${report.quizTitle}` }),
      h('button', { class: 'btn btn-small btn-quiet', text: 'Back to the dashboard', attrs: { type: 'button' }, on: { click: onBack } }),
    ]),
    h('p', { class: 'muted', text: `${when(report.finishedAt)} · PIN ${report.pin} · ${report.players.length} players · ${report.questions.length} questions · ${version}` }),
    report.endedEarly
      ? h('p', { class: 'notice ended-early', text: `Ended early: the game stopped after ${report.questions.length} question${report.questions.length === 1 ? '' : 's'}; this report covers only what was played.`, attrs: { role: 'status' } })
      : null,
    h('div', { class: 'report-actions' }, [
      h('button', { class: 'btn btn-small', text: 'Download CSV (players)', attrs: { type: 'button' }, on: { click: csv('players', playersCsv.head, playersCsv.rows) } }),
      h('button', { class: 'btn btn-small', text: 'Download CSV (questions)', attrs: { type: 'button' }, on: { click: csv('questions', questionHead, questionRows) } }),
    ]),
    callouts(report),
    h('div', { class: 'report-charts' }, [
      h('section', {}, [h('h2', { text: 'Share correct per question' }), shareChart(report)]),
      h('section', {}, [h('h2', { text: 'How the room answered' }), h('ol', { class: 'distributions' }, report.questions.map(distribution))]),
    ]),
    h('div', { class: 'report-tables' }, [table('Players', playerHead, playerRows), answerSheets(report), table('Questions', questionHead, questionRows)]),
  ]);
}
