import { h } from '../common/dom.js';

export interface JoinViewOptions {
  pin: string;
  /** The nickname typed before, when the player comes back to fix it. */
  nickname?: string;
  /** Shown above the form, e.g. why the player is back here. */
  notice?: string;
  /** Resolves to an error message to show, or null once joined. */
  onJoin(pin: string, nickname: string): Promise<string | null>;
}

export function joinView({ pin, nickname, notice, onJoin }: JoinViewOptions): HTMLElement {
  const pinInput = h('input', {
    class: 'field pin-input',
    attrs: {
      id: 'pin',
      name: 'pin',
      inputmode: 'numeric',
      autocomplete: 'off',
      pattern: '\\d{6}',
      maxlength: 6,
      required: true,
      placeholder: '123456',
      'aria-describedby': 'join-error',
    },
  });
  pinInput.value = pin;
  const nameInput = h('input', {
    class: 'field',
    attrs: {
      id: 'nickname',
      name: 'nickname',
      autocomplete: 'nickname',
      autocapitalize: 'words',
      spellcheck: 'false',
      // The wire's limit, not the game's: a longer name is refused by the server, which says why, rather than cut short here.
      maxlength: 100,
      placeholder: 'Your nickname',
      'aria-describedby': 'join-error',
    },
  });
  nameInput.value = nickname ?? '';
  const error = h('p', { class: 'error', attrs: { id: 'join-error', role: 'alert' } });
  const submit = h('button', { class: 'btn btn-big', text: 'Join', attrs: { type: 'submit' } });

  const form = h(
    'form',
    {
      class: 'join-form',
      attrs: { novalidate: true },
      on: {
        submit: async (event) => {
          event.preventDefault();
          const typedPin = pinInput.value.replace(/\D/g, '');
          if (typedPin.length !== 6) {
            error.textContent = 'A game PIN is 6 digits. Check the number on the big screen.';
            pinInput.focus();
            return;
          }
          submit.disabled = true;
          submit.textContent = 'Joining…';
          const message = await onJoin(typedPin, nameInput.value.trim());
          if (message === null) return;
          error.textContent = message;
          submit.disabled = false;
          submit.textContent = 'Join';
        },
      },
    },
    [
      h('label', { class: 'label', text: 'Game PIN', attrs: { for: 'pin' } }),
      pinInput,
      h('label', { class: 'label', text: 'Nickname', attrs: { for: 'nickname' } }),
      nameInput,
      error,
      submit,
    ],
  );

  return h('section', { class: 'view view-join', attrs: { 'data-view': 'join' } }, [
    h('h1', { class: 'brand', text: 'quizroom' }),
    notice ? h('p', { class: 'notice', text: notice, attrs: { role: 'status' } }) : null,
    form,
  ]);
}
