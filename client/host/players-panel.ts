import type { LobbyPlayer, Phase } from '../../shared/index.js';
import { h } from '../common/dom.js';

export interface PanelState {
  phase: Phase;
  players: readonly LobbyPlayer[];
  locked: boolean;
  /** Who has answered the open question; read only while one is open. */
  answered: ReadonlySet<string>;
}

export interface PanelActions {
  kick(player: LobbyPlayer): void;
  lock(locked: boolean): void;
}

/**
 * The host's players, in the lobby and once the game has started: who has not answered yet, remove a player (a
 * rude name that slipped through), lock or unlock the room. It opens beside the stage from the Players button in
 * the top bar, so the class keeps seeing the question; its buttons stay full size however small the lobby's names get.
 */
export function playersPanel(actions: PanelActions) {
  let open = false;
  let state: PanelState | null = null;
  const heading = h('h2', { class: 'panel-title', attrs: { id: 'players-panel-title', tabindex: '-1' } });
  const lockButton = h('button', { class: 'btn btn-small btn-quiet', attrs: { type: 'button' }, on: { click: () => state && actions.lock(!state.locked) } });
  const close = h('button', { class: 'btn btn-small btn-quiet', text: 'Close', attrs: { type: 'button' }, on: { click: () => setOpen(false) } });
  const body = h('div', { class: 'panel-body' });
  const el = h('aside', { class: 'players-panel', attrs: { 'aria-labelledby': 'players-panel-title', 'data-view': 'players-panel', hidden: true } }, [
    h('div', { class: 'panel-head' }, [heading, h('div', { class: 'panel-tools' }, [lockButton, close])]),
    body,
  ]);
  const toggle = h('button', {
    class: 'btn btn-small btn-quiet players-toggle',
    text: 'Players',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'players-panel' },
    on: { click: () => setOpen(!open) },
  });
  el.id = 'players-panel';

  const row = (player: LobbyPlayer, status: string) =>
    h('li', { class: player.connected ? 'panel-player' : 'panel-player is-away' }, [
      h('span', { class: 'panel-name', text: player.nickname }),
      h('span', { class: 'panel-status', text: player.connected ? status : 'away' }),
      h('button', {
        class: 'btn btn-small panel-kick',
        text: 'Remove',
        attrs: { type: 'button', 'aria-label': `Remove ${player.nickname}` },
        on: { click: () => actions.kick(player) },
      }),
    ]);
  const group = (title: string, players: readonly LobbyPlayer[], status: string, testId: string) =>
    h('section', { class: 'panel-group', attrs: { 'data-testid': testId } }, [
      h('h3', { text: `${title} (${players.length})` }),
      players.length === 0 ? h('p', { class: 'muted', text: 'Nobody.' }) : h('ul', { class: 'panel-list' }, players.map((p) => row(p, status))),
    ]);

  // Rebuilt whole, but only while open: the host opens it for a moment, and the server sends changes at most 4 times a second.
  const draw = () => {
    if (!open || !state) return;
    const { players, answered, phase, locked } = state;
    heading.textContent = `Players · ${players.length}`;
    lockButton.textContent = locked ? 'Unlock room' : 'Lock room';
    lockButton.setAttribute('aria-pressed', String(locked));
    if (phase === 'question') {
      body.replaceChildren(
        group('Not answered yet', players.filter((p) => !answered.has(p.id)), 'thinking', 'not-answered'),
        group('Answered', players.filter((p) => answered.has(p.id)), 'answered', 'answered-players'),
      );
    } else {
      body.replaceChildren(group('In the game', players, 'here', 'all-players'));
    }
  };

  function setOpen(value: boolean): void {
    open = value;
    el.hidden = !value;
    toggle.setAttribute('aria-expanded', String(value));
    draw();
    if (value) heading.focus();
    else toggle.focus();
  }

  return {
    el,
    toggle,
    update(next: PanelState) {
      state = next;
      const live = next.phase !== 'ended';
      toggle.hidden = !live;
      if (!live && open) {
        open = false;
        el.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
      }
      draw();
    },
  };
}
