import type { Answer, QuestionOpen } from '../../shared/index.js';
import type { Clock } from '../common/clock.js';
import { countdownDisplay } from '../common/countdown.js';
import { h } from '../common/dom.js';
import { optionClass, optionLook } from '../common/options.js';

export interface QuestionView {
  el: HTMLElement;
  stop(): void;
}

/** `onAnswer` resolves to an error message to show, or null when the view is about to be replaced. */
export function questionView(question: QuestionOpen, clock: Clock, onAnswer: (answer: Answer) => Promise<string | null>): QuestionView {
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const controls: (HTMLButtonElement | HTMLInputElement)[] = [];

  const send = async (answer: Answer) => {
    controls.forEach((c) => (c.disabled = true));
    const message = await onAnswer(answer);
    if (message === null) return;
    error.textContent = message;
    controls.forEach((c) => (c.disabled = false));
  };

  const answers = answerControls(question, controls, send);
  const { seconds, bar, spoken, stop } = countdownDisplay(clock, question, 'count');

  const el = h('section', { class: 'view view-question', attrs: { 'data-view': 'question' } }, [
    h('div', { class: 'question-top' }, [
      h('p', { class: 'progress', text: `Question ${question.index + 1} of ${question.total}` }),
      seconds,
      spoken,
    ]),
    bar,
    h('h1', { class: 'question-text', text: question.text }),
    answers,
    error,
  ]);
  return { el, stop };
}

function answerControls(
  question: QuestionOpen,
  controls: (HTMLButtonElement | HTMLInputElement)[],
  send: (answer: Answer) => void,
): HTMLElement {
  if (question.type === 'typed') return typedAnswer(controls, send);
  if (question.type === 'multi') return multiAnswer(question, controls, send);
  const buttons = question.options.map((text, index) => {
    const button = optionButton(text, index, { click: () => send(index) });
    controls.push(button);
    return button;
  });
  return h('div', { class: `answers answers-${question.type}`, attrs: { role: 'group', 'aria-label': 'Answers' } }, buttons);
}

function optionButton(text: string, index: number, on: { click: () => void }): HTMLButtonElement {
  const look = optionLook(index);
  return h('button', { class: `${optionClass(index)} answer`, attrs: { type: 'button', 'data-option': index }, on }, [
    h('span', { class: 'shape', text: look.shape, attrs: { 'aria-hidden': 'true' } }),
    h('span', { class: 'answer-text', text }),
  ]);
}

/** Any non-empty set may be sent: how many options are right is part of the answer, so the phone never knows it. */
function multiAnswer(question: QuestionOpen, controls: (HTMLButtonElement | HTMLInputElement)[], send: (answer: Answer) => void): HTMLElement {
  const chosen = new Set<number>();
  const submit = h('button', { class: 'btn btn-big', text: 'Submit', attrs: { type: 'button', disabled: true } });
  const ready = () => chosen.size > 0;
  const toggles = question.options.map((text, index) => {
    const button = optionButton(text, index, {
      click: () => {
        if (chosen.has(index)) chosen.delete(index);
        else chosen.add(index);
        button.setAttribute('aria-pressed', String(chosen.has(index)));
        submit.disabled = !ready();
      },
    });
    button.setAttribute('aria-pressed', 'false');
    controls.push(button);
    return button;
  });
  submit.addEventListener('click', () => {
    if (ready()) send([...chosen].sort((a, b) => a - b));
  });
  controls.push(submit);
  return h('div', { class: 'answers answers-multi' }, [
    h('p', { class: 'hint', text: 'Choose all that apply', attrs: { id: 'multi-hint' } }),
    h('div', { class: 'answers', attrs: { role: 'group', 'aria-labelledby': 'multi-hint' } }, toggles),
    submit,
  ]);
}

function typedAnswer(controls: (HTMLButtonElement | HTMLInputElement)[], send: (answer: Answer) => void): HTMLElement {
  const input = h('input', {
    class: 'field',
    attrs: { id: 'typed-answer', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', maxlength: 100, enterkeyhint: 'send' },
  });
  const submit = h('button', { class: 'btn btn-big', text: 'Submit', attrs: { type: 'submit' } });
  controls.push(input, submit);
  return h(
    'form',
    {
      class: 'answers answers-typed',
      on: {
        submit: (event) => {
          event.preventDefault();
          const text = input.value.trim();
          if (text) send(text);
          else input.focus();
        },
      },
    },
    [h('label', { class: 'label', text: 'Your answer', attrs: { for: 'typed-answer' } }), input, submit],
  );
}
