import { toCanvas } from 'qrcode';
import type { LobbyPlayer } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { joinBase, joinLink } from './join-link.js';
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

/** How a phone gets in besides the PIN: the room's key for the QR link, and a 2-step room's shapes. */
export interface LobbyJoin {
  joinKey?: string;
  joinShapes?: number[];
}

export function lobbyView(pin: string, title: string, actions: LobbyActions, join: LobbyJoin = {}): LobbyView {
  const qr = h('canvas', { class: 'qr', attrs: { role: 'img', 'aria-label': 'QR code' } });
  const joinHow = h('p', { class: 'join-how' });
  void joinBase().then((where) => {
    if (where.base === null) {
      qr.hidden = true;
      joinHow.replaceChildren(h('span', { class: 'join-problem', text: where.reason, attrs: { role: 'alert' } }));
      return;
    }
    const link = joinLink(where.base, pin);
    // The QR link carries the room's key, so a scanned phone is not held back by its network's wrong-PIN limit.
    const scanned = join.joinKey ? `${link}&key=${encodeURIComponent(join.joinKey)}` : link;
    qr.setAttribute('aria-label', `QR code for ${link}`);
    qr.dataset.link = scanned;
    // Drawn at 280 px for sharpness; the stylesheet sizes it to the screen, so qrcode's inline size comes off.
    void toCanvas(qr, scanned, { width: 280, margin: 2, errorCorrectionLevel: 'M' }).then(() => {
      qr.style.removeProperty('width');
      qr.style.removeProperty('height');
    });
    // The address alone, as short as a phone can type it; the PIN stands large below, and the QR code has it all.
    const typed = where.base.replace(/^https?:\/\//, '');
    joinHow.replaceChildren('Join at ', h('a', { class: 'join-link', text: typed, attrs: { href: link, target: '_blank', rel: 'noopener' } }));
  });
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
        joinHow,
        h('p', { class: 'pin-label', text: 'Game PIN' }),
        h('p', { class: 'pin', text: pin, attrs: { 'data-testid': 'pin', 'aria-label': `Game PIN ${pin.split('').join(' ')}` } }),
        join.joinShapes ? joinShapesView(join.joinShapes) : null,
      ]),
      qr,
    ]),
    h('div', { class: 'lobby-roster' }, [
      h('div', { class: 'lobby-bar' }, [h('h2', { class: 'lobby-count', attrs: { 'aria-live': 'polite' } }, [countText]), lockButton]),
      empty,
      list,
    ]),
  ]);

  /** One name per player, kept between updates: an assembly's list changes by a few names at a time. A click removes them. */
  const lines = new Map<string, { li: HTMLElement; connected: boolean }>();
  const line = (player: LobbyPlayer) =>
    h('li', { class: player.connected ? 'lobby-player' : 'lobby-player is-away' }, [
      h('button', {
        class: 'lobby-chip',
        attrs: { type: 'button', 'aria-label': `Remove ${player.nickname}`, title: `Remove ${player.nickname}`, 'data-player-id': player.id },
        on: { click: () => actions.kick(player) },
      }, [h('span', { class: 'lobby-name', text: player.nickname }), h('span', { class: 'kick', text: '×', attrs: { 'aria-hidden': 'true' } })]),
    ]);
  const fit = fitNames(list, () => lines.size);

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
      fit();
    },
    setLocked(value) {
      locked = value;
      lockButton.textContent = value ? 'Unlock room' : 'Lock room';
      lockButton.setAttribute('aria-pressed', String(value));
      el.classList.toggle('is-locked', value);
    },
  };
}

/** The names' size at most, in root ems: a few players read from the back of the room. */
const LARGEST_EM = 1.4;
/** A name's cell in its own ems (about 13 characters wide) and the gap between cells, as the stylesheet lays them out. */
const CELL_WIDTH_EM = 8.5;
const CELL_HEIGHT_EM = 1.9;
const GAP_EM = 0.35;

/**
 * Every name stays on screen, however many join: the names shrink until the grid holds them all (the newest
 * were hidden below an inner scroll before). The largest size whose columns × rows hold the count is set as
 * the grid's font size; a binary search over sizes, at each change of count or of the screen.
 */
function fitNames(list: HTMLElement, count: () => number): () => void {
  const fits = (size: number, width: number, height: number) => {
    const gap = size * GAP_EM;
    const columns = Math.floor((width + gap) / (size * CELL_WIDTH_EM + gap));
    const rows = Math.floor((height + gap) / (size * CELL_HEIGHT_EM + gap));
    return columns * rows >= Math.max(1, count());
  };
  const fit = () => {
    const { width, height } = list.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    let small = 2;
    let large = parseFloat(getComputedStyle(document.documentElement).fontSize) * LARGEST_EM;
    if (!fits(large, width, height)) {
      for (let i = 0; i < 12; i++) {
        const middle = (small + large) / 2;
        if (fits(middle, width, height)) small = middle;
        else large = middle;
      }
      large = small;
    }
    list.style.setProperty('--name-size', `${large.toFixed(2)}px`);
  };
  new ResizeObserver(fit).observe(list);
  return fit;
}
