import type { Reveal } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { optionClass, optionLook } from '../common/options.js';

interface Bar {
  label: string;
  count: number;
  correct: boolean;
  index: number;
}

/** The answer, how the room voted as a bar chart, and why. */
export function revealView(reveal: Reveal): HTMLElement {
  const bars: Bar[] =
    reveal.type === 'typed'
      ? [
          { label: 'Right', count: reveal.distribution[0] ?? 0, correct: true, index: 3 },
          { label: 'Wrong', count: reveal.distribution[1] ?? 0, correct: false, index: 0 },
        ]
      : reveal.options.map((label, index) => ({ label, count: reveal.distribution[index] ?? 0, correct: reveal.correct.includes(index), index }));
  const most = Math.max(1, ...bars.map((b) => b.count));

  return h('section', { class: 'stage stage-reveal', attrs: { 'data-view': 'reveal' } }, [
    h('h1', { class: 'reveal-question', text: reveal.text }),
    h('ul', { class: 'chart', attrs: { 'aria-label': `How the room answered, ${reveal.answered} answers` } }, bars.map((bar) => chartBar(bar, most, reveal.type === 'typed'))),
    // Choice answers are already ticked in the chart; a typed answer's spellings are shown nowhere else.
    reveal.type === 'typed' ? h('p', { class: 'reveal-answer' }, ['Accepted: ', h('strong', { text: reveal.accepted.join(' / ') })]) : null,
    h('div', { class: 'explanation' }, [
      h('p', { class: 'explanation-section', text: `Section ${reveal.section.number}: ${reveal.section.title}` }),
      h('p', { class: 'explanation-text', text: reveal.explanation }),
    ]),
  ]);
}

function chartBar(bar: Bar, most: number, typed: boolean): HTMLElement {
  const fill = h('span', { class: `${optionClass(bar.index)} chart-fill` });
  // A CSS custom property set from script is allowed under the page's CSP; a style attribute would not be.
  fill.style.setProperty('--share', String(bar.count / most));
  return h('li', { class: bar.correct ? 'chart-bar is-correct' : 'chart-bar' }, [
    h('span', { class: 'chart-column' }, [h('span', { class: 'chart-count', text: bar.count }), fill]),
    h('span', { class: 'chart-label' }, [
      typed ? null : h('span', { class: 'shape', text: optionLook(bar.index).shape, attrs: { 'aria-hidden': 'true' } }),
      h('span', { text: bar.label }),
      bar.correct ? h('span', { class: 'tick', text: '✓', attrs: { 'aria-hidden': 'true' } }) : null,
      bar.correct ? h('span', { class: 'sr-only', text: '(correct)' }) : null,
    ]),
  ]);
}
