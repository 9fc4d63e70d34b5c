import type { GameOver, Leaderboard, Standing } from '../../shared/index.js';
import { h } from '../common/dom.js';

export function leaderboardView(board: Leaderboard): HTMLElement {
  return h('section', { class: 'stage stage-leaderboard', attrs: { 'data-view': 'leaderboard' } }, [
    h('h1', { text: 'Leaderboard' }),
    h('p', { class: 'muted', text: `After question ${board.index + 1} of ${board.total} · ${board.count} players` }),
    h(
      'ol',
      { class: 'leaderboard' },
      board.top.map((s) =>
        h('li', { class: 'leader' }, [
          h('span', { class: 'leader-rank', text: s.rank }),
          movement(s),
          h('span', { class: 'leader-name', text: s.nickname }),
          h('span', { class: 'leader-score', text: s.score }),
        ]),
      ),
    ),
  ]);
}

/** Up, down or level since the last question; the colour is doubled by the arrow, and by words for screen readers. */
function movement(s: Standing): HTMLElement {
  const before = s.previousRank;
  if (before === undefined || before === s.rank) return moveBadge('move-level', '–', 'no change');
  const by = Math.abs(before - s.rank);
  return before > s.rank ? moveBadge('move-up', `▲${by}`, `up ${by}`) : moveBadge('move-down', `▼${by}`, `down ${by}`);
}

function moveBadge(kind: string, shown: string, spoken: string): HTMLElement {
  return h('span', { class: `move ${kind}` }, [h('span', { text: shown, attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'sr-only', text: spoken })]);
}

const PLACES = ['1st', '2nd', '3rd'];

export function podiumView(over: GameOver): HTMLElement {
  return h('section', { class: 'stage stage-podium', attrs: { 'data-view': 'podium' } }, [
    h('h1', { text: 'Podium' }),
    // In rank order for screen readers; the stylesheet puts second, first, third from left to right.
    h(
      'ol',
      { class: 'podium' },
      over.podium.map((s, i) =>
        h('li', { class: `step step-${i + 1}` }, [
          h('span', { class: 'step-name', text: s.nickname }),
          h('span', { class: 'step-score', text: `${s.score} points` }),
          h('span', { class: 'step-block', text: PLACES[i] ?? '' }),
        ]),
      ),
    ),
    h('p', { class: 'muted', text: `${over.count} players · ${over.total} questions` }),
  ]);
}
