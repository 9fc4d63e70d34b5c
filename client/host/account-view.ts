import { PASSWORD_MIN_LENGTH, type Account } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { api } from './api.js';
import { clearErrors, field, focusFirstInvalid, placeIssues, uid } from './fields.js';

export interface AccountViewOptions {
  mode: 'signin' | 'signup';
  /** In open mode the host may go back and play without an account. */
  openMode: boolean;
  onSignedIn(account: Account): void;
  onBack(): void;
}

/** Sign in, or create an account; the server checks the email and the password's strength and says which field is wrong. */
export function accountView(options: AccountViewOptions): HTMLElement {
  let mode = options.mode;
  const email = field('Email', h('input', { class: 'field', attrs: { id: uid('email'), type: 'email', autocomplete: 'email', required: true } }));
  const password = field(
    'Password',
    h('input', { class: 'field', attrs: { id: uid('password'), type: 'password', required: true } }),
  );
  const hint = h('p', { class: 'field-hint' });
  password.el.insertBefore(hint, password.error);
  const heading = h('h1');
  const submit = h('button', { class: 'btn btn-primary', attrs: { type: 'submit' } });
  const summary = h('p', { class: 'error', attrs: { role: 'alert' } });
  const switcher = h('button', { class: 'btn-link', attrs: { type: 'button' }, on: { click: () => setMode(mode === 'signin' ? 'signup' : 'signin') } });
  const switchText = h('span');

  const setMode = (next: 'signin' | 'signup') => {
    mode = next;
    heading.textContent = next === 'signin' ? 'Sign in to host' : 'Create a host account';
    submit.textContent = next === 'signin' ? 'Sign in' : 'Create account';
    password.input.setAttribute('autocomplete', next === 'signin' ? 'current-password' : 'new-password');
    hint.textContent = next === 'signup' ? `At least ${PASSWORD_MIN_LENGTH} characters; a few words make a good one.` : '';
    hint.hidden = next === 'signin';
    switchText.textContent = next === 'signin' ? 'New here? ' : 'Have an account? ';
    switcher.textContent = next === 'signin' ? 'Create an account' : 'Sign in';
    summary.textContent = '';
    clearErrors(form);
  };

  const form = h(
    'form',
    {
      class: 'account-form',
      attrs: { novalidate: true },
      on: {
        submit: async (event) => {
          event.preventDefault();
          clearErrors(form);
          summary.textContent = '';
          submit.disabled = true;
          const reply = await api<{ account: Account }>('POST', mode === 'signin' ? '/api/account/signin' : '/api/account/signup', {
            email: email.input.value,
            password: password.input.value,
          });
          submit.disabled = false;
          if (reply.ok) return options.onSignedIn(reply.account);
          const slots = new Map([['email', email], ['password', password]]);
          const unplaced = placeIssues(reply.error.details ?? [], (path) => slots.get(String(path[0])));
          summary.textContent = unplaced.length > 0 || !reply.error.details ? reply.error.message : '';
          focusFirstInvalid(form);
        },
      },
    },
    [email.el, password.el, summary, submit, h('p', { class: 'account-switch' }, [switchText, switcher])],
  );
  setMode(mode);

  return h('section', { class: 'account', attrs: { 'data-view': 'account', 'data-home': '' } }, [
    heading,
    h('p', { class: 'muted', text: 'Your quizzes and the reports of your games are kept in your account.' }),
    form,
    options.openMode ? h('button', { class: 'btn btn-quiet', text: 'Back to hosting without an account', attrs: { type: 'button' }, on: { click: options.onBack } }) : null,
  ]);
}
