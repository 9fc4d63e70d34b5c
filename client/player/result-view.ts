import type { Leaderboard, PlayerResult, Reveal } from '../../shared/index.js';
import { h } from '../common/dom.js';

/** The correct answer in words: the options marked correct, or a typed question's canonical spelling. */
export function answerText(reveal: Reveal): string {
  if (reveal.type === 'typed') return reveal.accepted[0] ?? '';
  return reveal.correct.map((i) => reveal.options[i] ?? '').join(', ');
}

export function resultView(result: PlayerResult, reveal: Reveal | undefined): HTMLElement {
  const verdict = !result.answered ? 'No answer' : result.correct ? 'Correct!' : 'Not quite';
  const gap =
    result.behindBy !== undefined && result.behindNickname !== undefined
      ? h('p', { class: 'behind' }, [`${result.behindBy} points behind `, h('strong', { text: result.behindNickname })])
      : result.rank === 1 && result.score > 0
        ? h('p', { class: 'behind', text: "You're in the lead!" })
        : null;
  return h('section', { class: 'view view-result', attrs: { 'data-view': 'result' } }, [
    h('div', { attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } }, [
      h('h1', { class: 'verdict', text: verdict }),
      h('p', { class: 'points', text: `+${result.points} points` }),
    ]),
    reveal ? h('p', { class: 'answer-was' }, ['Answer: ', h('strong', { text: answerText(reveal) })]) : null,
    h('dl', { class: 'stats' }, [
      stat('Score', String(result.score)),
      stat('Rank', `#${result.rank}`),
      stat('Streak', String(result.streak)),
    ]),
    gap,
  ]);
}

export function standingsView(board: Leaderboard, playerId: string, rank: number, score: number): HTMLElement {
  return h('section', { class: 'view view-standings', attrs: { 'data-view': 'standings' } }, [
    h('h1', { text: 'Leaderboard' }),
    h('p', { class: 'lead', attrs: { 'aria-live': 'polite' }, text: `You're #${rank} of ${board.count} with ${score} points` }),
    h(
      'ol',
      { class: 'standings' },
      board.top.map((s) =>
        h('li', { class: s.playerId === playerId ? 'standing standing-me' : 'standing' }, [
          h('span', { class: 'standing-rank', text: `#${s.rank}` }),
          h('span', { class: 'standing-name', text: s.nickname }),
          h('span', { class: 'standing-score', text: s.score }),
        ]),
      ),
    ),
  ]);
}

function stat(label: string, value: string): HTMLElement {
  return h('div', { class: 'stat' }, [h('dt', { text: label }), h('dd', { text: value })]);
}
