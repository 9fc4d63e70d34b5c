import { toCanvas } from 'qrcode';
import type { LobbyPlayer } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { joinShapesView } from './join-shapes-view.js';

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

/** How a phone gets in besides the PIN: the room's key for the QR link, and a 2-step room's shapes. */
export interface LobbyJoin {
  joinKey?: string;
  joinShapes?: number[];
}

export function lobbyView(pin: string, title: string, actions: LobbyActions, join: LobbyJoin = {}): LobbyView {
  const link = joinLink(pin);
  const qr = h('canvas', { class: 'qr', attrs: { role: 'img', 'aria-label': `QR code for ${link}` } });
  // The QR link carries the room's key, so a scanned phone is not held back by its network's wrong-PIN limit.
  const scanned = join.joinKey ? `${link}&key=${encodeURIComponent(join.joinKey)}` : link;
  void toCanvas(qr, scanned, { width: 280, margin: 2, errorCorrectionLevel: 'M' });
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
        join.joinShapes ? joinShapesView(join.joinShapes) : null,
      ]),
      qr,
    ]),
    h('div', { class: 'lobby-bar' }, [h('h2', { class: 'lobby-count', attrs: { 'aria-live': 'polite' } }, [countText]), lockButton]),
    empty,
    list,
  ]);

  /** One line per player, kept between updates: an assembly's list changes by a few names at a time. */
  const lines = new Map<string, { li: HTMLElement; connected: boolean }>();
  const line = (player: LobbyPlayer) =>
    h('li', { class: player.connected ? 'lobby-player' : 'lobby-player is-away' }, [
      h('span', { class: 'lobby-name', text: player.nickname }),
      h('button', {
        class: 'kick',
        text: '×',
        attrs: { type: 'button', 'aria-label': `Remove ${player.nickname}`, 'data-player-id': player.id },
        on: { click: () => actions.kick(player) },
      }),
    ]);

  return {
    el,
    // Rebuilding 2000 names took 60–240 ms in Chromium here, four times a second while an assembly joins;
    // only the lines that changed are touched, new ones at the end.
    setPlayers(players, count) {
      countText.textContent = `${count} ${count === 1 ? 'player' : 'players'}`;
      empty.hidden = players.length > 0;
      const listed = new Set(players.map((p) => p.id));
      for (const [id, { li }] of lines) {
        if (listed.has(id)) continue;
        // Removing the focused line would drop keyboard focus to the page; the lock button keeps it in the lobby.
        if (li.contains(document.activeElement)) lockButton.focus();
        li.remove();
        lines.delete(id);
      }
      for (const player of players) {
        const shown = lines.get(player.id);
        if (!shown) {
          const li = line(player);
          lines.set(player.id, { li, connected: player.connected });
          list.append(li);
        } else if (shown.connected !== player.connected) {
          shown.connected = player.connected;
          shown.li.classList.toggle('is-away', !player.connected);
        }
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
