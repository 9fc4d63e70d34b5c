import type { ClientPayloadInput, Me } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { pastGames } from './past-games.js';
import { quizPicker, type LibraryActions } from './quiz-picker.js';

type CreateOptions = ClientPayloadInput<'host:create'>;

export interface DashboardOptions {
  notice: string | undefined;
  me: Me;
  /** Resolves to an error message, or null once the room exists. */
  onCreate(options: CreateOptions): Promise<string | null>;
  library: LibraryActions;
  signIn(): void;
  signOut(): void;
  openReport(id: string): void;
}

export function dashboardView(options: DashboardOptions): HTMLElement {
  const { me } = options;
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const count = numberField('question-count', 'Number of questions', 'All', 1, 200);
  const timeLimit = numberField('time-limit', 'Seconds per question', 'As set', 5, 120);
  const autoAdvance = numberField('auto-advance', 'Auto-advance (s)', 'Off', 0, 60);
  const points = h('select', { class: 'field', attrs: { id: 'points', name: 'points' } }, [
    h('option', { text: 'Standard', attrs: { value: 'standard' } }),
    h('option', { text: 'Double', attrs: { value: 'double' } }),
    h('option', { text: 'No points', attrs: { value: 'none' } }),
  ]);
  // On by default, so an answer key passed round by position is no use.
  const shuffleQuestions = checkbox('shuffle-questions', 'Shuffle questions', true);
  const shuffleOptions = checkbox('shuffle-options', 'Shuffle answer options', true);
  const generated = checkbox('generated-nicknames', 'Give players generated nicknames');
  const twoStep = checkbox('two-step-join', '2-step join: players also tap the shapes on the big screen');
  const submit = h('button', { class: 'btn btn-primary', text: 'Create game', attrs: { type: 'submit' } });

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
          const message = await options.onCreate({
            quizId: quiz.value,
            questionCount: optionalNumber(count.input),
            timeLimitSec: optionalNumber(timeLimit.input),
            autoAdvanceSec: optionalNumber(autoAdvance.input) ?? 0,
            pointsMode: points.value as CreateOptions['pointsMode'],
            shuffleQuestions: shuffleQuestions.input.checked,
            shuffleOptions: shuffleOptions.input.checked,
            nicknameMode: generated.input.checked ? 'generated' : 'typed',
            twoStepJoin: twoStep.input.checked,
          });
          submit.disabled = false;
          if (message !== null) error.textContent = message;
        },
      },
    },
    [
      h('fieldset', { class: 'quiz-fieldset' }, [h('legend', { text: 'Quiz' }), quizPicker(me.account !== null, count.input, options.library)]),
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
          twoStep.el,
        ]),
        error,
        submit,
      ]),
    ],
  );
  return h('section', { class: 'dashboard', attrs: { 'data-view': 'dashboard', 'data-home': '' } }, [
    h('div', { class: 'dashboard-top' }, [h('h1', { text: 'Host a quiz' }), accountBar(options)]),
    options.notice ? h('p', { class: 'notice', text: options.notice, attrs: { role: 'status' } }) : null,
    form,
    pastGames(me.account ? 'Past games' : 'Past games hosted from this browser', options.openReport),
  ]);
}

/** Who is hosting: a signed-in host can sign out; in open mode a visitor is invited to sign in. */
function accountBar(options: DashboardOptions): HTMLElement {
  const account = options.me.account;
  if (account) {
    return h('div', { class: 'account-bar' }, [
      h('span', { class: 'muted' }, ['Signed in as ', h('strong', { text: account.email })]),
      h('button', { class: 'btn btn-small btn-quiet', text: 'Sign out', attrs: { type: 'button' }, on: { click: options.signOut } }),
    ]);
  }
  return h('div', { class: 'account-bar' }, [
    h('span', { class: 'muted', text: 'Sign in to write your own quizzes and keep your reports.' }),
    h('button', { class: 'btn btn-small', text: 'Sign in', attrs: { type: 'button' }, on: { click: options.signIn } }),
  ]);
}

function numberField(id: string, label: string, placeholder: string, min: number, max: number) {
  const input = h('input', { class: 'field', attrs: { id, type: 'number', inputmode: 'numeric', min, max, step: 1, placeholder } });
  return { input, el: h('div', { class: 'setting' }, [h('label', { text: label, attrs: { for: id } }), input]) };
}

function checkbox(id: string, label: string, checked = false) {
  const input = h('input', { attrs: { id, type: 'checkbox' } });
  input.checked = checked;
  return { input, el: h('div', { class: 'setting setting-check' }, [input, h('label', { text: label, attrs: { for: id } })]) };
}

function optionalNumber(input: HTMLInputElement): number | undefined {
  return input.value.trim() === '' ? undefined : Number(input.value);
}
