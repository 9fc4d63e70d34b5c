import { toCanvas } from 'qrcode';
import type { LobbyPlayer } from '../../shared/index.js';
import { h } from '../common/dom.js';

export interface LobbyView {
  el: HTMLElement;
  setPlayers(players: LobbyPlayer[], count: number): void;
  setLocked(locked: boolean): void;
}

export interface LobbyActions {
  kick(player: LobbyPlayer): void;
  lock(locked: boolean): void;
}

export function joinLink(pin: string): string {
  return `${location.origin}/?pin=${pin}`;
}

export function lobbyView(pin: string, title: string, actions: LobbyActions): LobbyView {
  const link = joinLink(pin);
  const qr = h('canvas', { class: 'qr', attrs: { role: 'img', 'aria-label': `QR code for ${link}` } });
  void toCanvas(qr, link, { width: 280, margin: 2, errorCorrectionLevel: 'M' });
  const countText = h('span', { text: '0 players' });
  const list = h('ul', { class: 'lobby-players', attrs: { 'aria-label': 'Players' } });
  const empty = h('p', { class: 'muted lobby-empty', text: 'Waiting for players to join…' });
  let locked = false;
  const lockButton = h('button', {
    class: 'btn btn-quiet',
    text: 'Lock room',
    attrs: { type: 'button', 'aria-pressed': 'false' },
    on: { click: () => actions.lock(!locked) },
  });

  const el = h('section', { class: 'stage stage-lobby', attrs: { 'data-view': 'lobby' } }, [
    h('div', { class: 'join-info' }, [
      h('div', { class: 'join-text' }, [
        h('h1', { class: 'join-title', text: title }),
        h('p', { class: 'join-how' }, ['Join at ', h('a', { class: 'join-link', text: link, attrs: { href: link, target: '_blank', rel: 'noopener' } })]),
        h('p', { class: 'pin-label', text: 'Game PIN' }),
        h('p', { class: 'pin', text: pin, attrs: { 'data-testid': 'pin', 'aria-label': `Game PIN ${pin.split('').join(' ')}` } }),
      ]),
      qr,
    ]),
    h('div', { class: 'lobby-bar' }, [h('h2', { class: 'lobby-count', attrs: { 'aria-live': 'polite' } }, [countText]), lockButton]),
    empty,
    list,
  ]);

  return {
    el,
    setPlayers(players, count) {
      const focusedId = (document.activeElement as HTMLElement | null)?.dataset.playerId;
      countText.textContent = `${count} ${count === 1 ? 'player' : 'players'}`;
      empty.hidden = players.length > 0;
      list.replaceChildren(
        ...players.map((player) =>
          h('li', { class: player.connected ? 'lobby-player' : 'lobby-player is-away' }, [
            h('span', { class: 'lobby-name', text: player.nickname }),
            h('button', {
              class: 'kick',
              text: '×',
              attrs: { type: 'button', 'aria-label': `Remove ${player.nickname}`, 'data-player-id': player.id },
              on: { click: () => actions.kick(player) },
            }),
          ]),
        ),
      );
      // Re-rendering would drop keyboard focus; put it back on the same player's button, or the lock button.
      if (focusedId !== undefined) {
        (list.querySelector<HTMLElement>(`[data-player-id="${focusedId}"]`) ?? lockButton).focus();
      }
    },
    setLocked(value) {
      locked = value;
      lockButton.textContent = value ? 'Unlock room' : 'Lock room';
      lockButton.setAttribute('aria-pressed', String(value));
      el.classList.toggle('is-locked', value);
    },
  };
}
