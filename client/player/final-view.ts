import type { GameOver } from '../../shared/index.js';
import { h } from '../common/dom.js';

type Missed = NonNullable<GameOver['you']>['missed'][number];

export function finalView(over: GameOver, onPlayAgain: () => void): HTMLElement {
  const you = over.you;
  const summary = you
    ? [
        h('p', { class: 'final-rank', text: `#${you.rank}`, attrs: { 'data-testid': 'final-rank' } }),
        h('p', { class: 'lead', text: `of ${over.count} players · ${you.score} points` }),
        h('p', { class: 'muted', text: `${you.correct} of ${over.total} correct` }),
      ]
    : [h('p', { class: 'lead', text: 'Thanks for playing!' })];
  return h('section', { class: 'view view-final', attrs: { 'data-view': 'final' } }, [
    h('div', { attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } }, [h('h1', { text: 'Game over' }), ...summary]),
    you ? studyList(you.missed) : null,
    h('button', { class: 'btn btn-big', text: 'Join another game', attrs: { type: 'button' }, on: { click: onPlayAgain } }),
  ]);
}

function studyList(missed: Missed[]): HTMLElement {
  if (missed.length === 0) return h('p', { class: 'study-none', text: 'You missed nothing. Well done!' });
  return h('section', { class: 'study', attrs: { 'aria-labelledby': 'study-title' } }, [
    h('h2', { text: 'To study', attrs: { id: 'study-title' } }),
    h(
      'ol',
      { class: 'study-list' },
      missed.map((m) =>
        h('li', { class: 'study-item' }, [
          h('p', { class: 'study-section', text: `Section ${m.section.number}: ${m.section.title}` }),
          h('p', { class: 'study-question', text: `Q${m.index + 1}. ${m.text}` }),
          h('p', { class: 'study-answer' }, ['Answer: ', h('strong', { text: m.answer })]),
          h('p', { class: 'study-why', text: m.explanation }),
        ]),
      ),
    ),
  ]);
}
