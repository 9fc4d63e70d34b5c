import type { QuestionOpen } from '../../shared/index.js';
import type { Clock } from '../common/clock.js';
import { countdownDisplay } from '../common/countdown.js';
import { h } from '../common/dom.js';
import { optionClass, optionLook } from '../common/options.js';

export interface HostQuestionView {
  el: HTMLElement;
  stop(): void;
  setProgress(answered: number, of: number): void;
}

const TYPE_HINTS: Record<QuestionOpen['type'], string> = {
  single: 'Pick one',
  multi: 'Pick all that apply',
  truefalse: 'True or false',
  typed: 'Type the answer on your phone',
};

export function hostQuestionView(question: QuestionOpen, clock: Clock): HostQuestionView {
  const progress = h('p', { class: 'answered', attrs: { 'aria-live': 'polite', 'data-testid': 'answered' } });
  const hint = TYPE_HINTS[question.type];

  const { seconds, bar, spoken, stop } = countdownDisplay(clock, question, 'host-count');

  const el = h('section', { class: 'stage stage-question', attrs: { 'data-view': 'question' } }, [
    h('h1', { class: 'host-question-text', text: question.text }),
    h('div', { class: 'question-middle' }, [seconds, spoken, h('p', { class: 'type-hint', text: hint }), progress]),
    bar,
    question.options.length > 0
      ? h(
          'ul',
          { class: 'host-options', attrs: { 'aria-label': 'Answers' } },
          question.options.map((text, index) =>
            h('li', { class: `${optionClass(index)} host-option` }, [
              h('span', { class: 'shape', text: optionLook(index).shape, attrs: { 'aria-hidden': 'true' } }),
              h('span', { text }),
            ]),
          ),
        )
      : h('p', { class: 'typed-hint', text: 'Players type their answer' }),
  ]);

  return {
    el,
    stop,
    setProgress(answered, of) {
      progress.textContent = `${answered} / ${of} answered`;
    },
  };
}
