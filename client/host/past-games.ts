import type { ReportSummary } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { api } from './api.js';

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The host's finished games, newest first; each opens its saved report. */
export function pastGames(heading: string, onOpen: (id: string) => void): HTMLElement {
  const list = h('ul', { class: 'past-games' }, [h('li', { class: 'muted', text: 'Loading past games…' })]);
  void api<{ reports: ReportSummary[] }>('GET', '/api/my/reports').then((reply) => {
    if (!reply.ok) return list.replaceChildren(h('li', { class: 'error', text: reply.error.message }));
    if (reply.reports.length === 0) return list.replaceChildren(h('li', { class: 'muted', text: 'Finished games show up here, with their reports.' }));
    list.replaceChildren(
      ...reply.reports.map((r) =>
        h('li', {}, [
          h('button', { class: 'past-game', attrs: { type: 'button', 'aria-label': `Open the report of ${r.quizTitle}, ${when(r.finishedAt)}` }, on: { click: () => onOpen(r.id) } }, [
            h('span', { class: 'quiz-title', text: r.quizTitle }),
            r.endedEarly ? h('span', { class: 'ended-early', text: 'Ended early' }) : null,
            h('span', { class: 'quiz-meta', text: `${when(r.finishedAt)} · ${r.playerCount} players · ${r.questionCount} questions · ${percent(r.averageAccuracy)} right` }),
          ]),
        ]),
      ),
    );
  });
  return h('section', { class: 'past-games-section' }, [h('h2', { text: heading }), list]);
}
