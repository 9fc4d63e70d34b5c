import { h } from '../common/dom.js';

/** Small one-message screens between questions. */
export function lobbyView(nickname: string, generated: boolean): HTMLElement {
  return h('section', { class: 'view view-lobby', attrs: { 'data-view': 'lobby' } }, [
    h('h1', { class: 'big', text: "You're in!" }),
    h('p', { class: 'lead', text: generated ? 'Your nickname for this game:' : 'See your nickname on the big screen:' }),
    h('p', { class: 'nickname', text: nickname, attrs: { 'data-testid': 'own-nickname' } }),
    h('p', { class: 'muted', text: 'The game starts when the host is ready.' }),
  ]);
}

export function messageView(name: string, title: string, detail: string, action?: { label: string; run: () => void }): HTMLElement {
  return h('section', { class: `view view-${name}`, attrs: { 'data-view': name } }, [
    h('h1', { class: 'big', text: title }),
    h('p', { class: 'lead', text: detail, attrs: { 'aria-live': 'polite' } }),
    action ? h('button', { class: 'btn btn-big', text: action.label, attrs: { type: 'button' }, on: { click: action.run } }) : null,
  ]);
}
