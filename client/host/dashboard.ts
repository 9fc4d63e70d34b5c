import type { ClientPayloadInput, QuizSummary } from '../../shared/index.js';
import { h } from '../common/dom.js';

type CreateOptions = ClientPayloadInput<'host:create'>;

/** `onCreate` resolves to an error message, or null once the room exists. */
export function dashboardView(notice: string | undefined, onCreate: (options: CreateOptions) => Promise<string | null>): HTMLElement {
  const quizList = h('div', { class: 'quiz-list' }, [
    h('p', { class: 'muted', text: 'Loading quizzes…' }),
  ]);
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const count = numberField('question-count', 'Number of questions', 'All', 1, 200);
  const timeLimit = numberField('time-limit', 'Seconds per question', 'As set', 5, 120);
  const autoAdvance = numberField('auto-advance', 'Auto-advance (s)', 'Off', 0, 60);
  const points = h('select', { class: 'field', attrs: { id: 'points', name: 'points' } }, [
    h('option', { text: 'Standard', attrs: { value: 'standard' } }),
    h('option', { text: 'Double', attrs: { value: 'double' } }),
    h('option', { text: 'No points', attrs: { value: 'none' } }),
  ]);
  const shuffleQuestions = checkbox('shuffle-questions', 'Shuffle questions');
  const shuffleOptions = checkbox('shuffle-options', 'Shuffle answer options');
  const generated = checkbox('generated-nicknames', 'Give players generated nicknames');
  const submit = h('button', { class: 'btn btn-primary', text: 'Create game', attrs: { type: 'submit' } });

  void loadQuizzes(quizList, count.input);

  const form = h(
    'form',
    {
      class: 'dashboard-form',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const quiz = form.querySelector<HTMLInputElement>('input[name=quiz]:checked');
          if (!quiz) {
            error.textContent = 'Choose a quiz first.';
            return;
          }
          if (!form.reportValidity()) return;
          submit.disabled = true;
          const message = await onCreate({
            quizId: quiz.value,
            questionCount: optionalNumber(count.input),
            timeLimitSec: optionalNumber(timeLimit.input),
            autoAdvanceSec: optionalNumber(autoAdvance.input) ?? 0,
            pointsMode: points.value as CreateOptions['pointsMode'],
            shuffleQuestions: shuffleQuestions.input.checked,
            shuffleOptions: shuffleOptions.input.checked,
            nicknameMode: generated.input.checked ? 'generated' : 'typed',
          });
          submit.disabled = false;
          if (message !== null) error.textContent = message;
        },
      },
    },
    [
      h('fieldset', { class: 'quiz-fieldset' }, [h('legend', { text: 'Quiz' }), quizList]),
      h('div', { class: 'dashboard-side' }, [
        h('fieldset', { class: 'settings' }, [
          h('legend', { text: 'Settings' }),
          count.el,
          timeLimit.el,
          h('div', { class: 'setting' }, [h('label', { text: 'Points', attrs: { for: 'points' } }), points]),
          autoAdvance.el,
          shuffleQuestions.el,
          shuffleOptions.el,
          generated.el,
        ]),
        error,
        submit,
      ]),
    ],
  );
  return h('section', { class: 'dashboard', attrs: { 'data-view': 'dashboard' } }, [
    h('h1', { text: 'Host a quiz' }),
    notice ? h('p', { class: 'notice', text: notice, attrs: { role: 'status' } }) : null,
    form,
  ]);
}

async function loadQuizzes(list: HTMLElement, countInput: HTMLInputElement): Promise<void> {
  let quizzes: QuizSummary[];
  try {
    const response = await fetch('/api/quizzes');
    if (!response.ok) throw new Error(String(response.status));
    quizzes = ((await response.json()) as { quizzes: QuizSummary[] }).quizzes;
  } catch {
    list.replaceChildren(h('p', { class: 'error', text: 'Could not load the quizzes. Reload the page to try again.' }));
    return;
  }
  list.replaceChildren(
    ...quizzes.map((quiz, index) => {
      const radio = h('input', { attrs: { type: 'radio', name: 'quiz', value: quiz.id, id: `quiz-${quiz.id}`, checked: index === 0 } });
      radio.addEventListener('change', () => (countInput.max = String(quiz.questionCount)));
      if (index === 0) countInput.max = String(quiz.questionCount);
      return h('label', { class: 'quiz-card', attrs: { for: `quiz-${quiz.id}` } }, [
        radio,
        h('span', { class: 'quiz-title', text: quiz.title }),
        h('span', { class: 'quiz-meta', text: `${quiz.questionCount} questions${quiz.description ? ` · ${quiz.description}` : ''}` }),
      ]);
    }),
  );
}

function numberField(id: string, label: string, placeholder: string, min: number, max: number) {
  const input = h('input', { class: 'field', attrs: { id, type: 'number', inputmode: 'numeric', min, max, step: 1, placeholder } });
  return { input, el: h('div', { class: 'setting' }, [h('label', { text: label, attrs: { for: id } }), input]) };
}

function checkbox(id: string, label: string) {
  const input = h('input', { attrs: { id, type: 'checkbox' } });
  return { input, el: h('div', { class: 'setting setting-check' }, [input, h('label', { text: label, attrs: { for: id } })]) };
}

function optionalNumber(input: HTMLInputElement): number | undefined {
  return input.value.trim() === '' ? undefined : Number(input.value);
}
