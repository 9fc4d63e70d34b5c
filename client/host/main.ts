import './host.css';
import { applyLobbyUpdate, type ClientPayloadInput, type GameOver, type HostRoomState, type LobbyPlayer, type Phase } from '../../shared/index.js';
import { createClock } from '../common/clock.js';
import { byId, h } from '../common/dom.js';
import { connect, request } from '../common/socket.js';
import { createHome } from './home.js';
import { joinBase } from './join-link.js';
import { lobbyView, type LobbyView } from './lobby-view.js';
import { nextControls } from './next-controls.js';
import { playersPanel } from './players-panel.js';
import { hostQuestionView, type HostQuestionView } from './question-view.js';
import { reportView } from './report-view.js';
import { revealView } from './reveal-view.js';
import { clearHostSession, loadHostSession, saveHostSession } from './session.js';
import { leaderboardView, podiumView } from './standings-views.js';

const app = byId('app');
const banner = byId('banner');
const socket = connect();
const clock = createClock(socket);
let session = loadHostSession();

/** The room as last heard from the server; events patch it, room:state replaces it. */
let room: HostRoomState | null = null;
let lobby: LobbyView | null = null;
let question: HostQuestionView | null = null;
/** Who has answered the open question, for the players panel. */
let answered = new Set<string>();

const stage = h('div', { class: 'stage-slot' });
const pinBadge = h('p', { class: 'pin-badge' });
const controls = nextControls(advance, () => void endGame());
const panel = playersPanel({ kick, lock });
const screen = h('div', { class: 'screen' }, [h('header', { class: 'screen-top' }, [pinBadge, panel.toggle]), stage, panel.el, controls.el]);

function say(message: string): void {
  banner.textContent = message;
}

const home = createHome(app, {
  create,
  // The handshake carries the cookies: start the connection again. One still opening is let open first, since
  // cutting a WebSocket mid-handshake makes the browser log a warning on every first visit.
  sessionChanged: () => {
    const restart = () => {
      socket.disconnect();
      socket.connect();
    };
    if (socket.connected) restart();
    else socket.once('connect', restart);
  },
});

function showDashboard(notice?: string): void {
  room = null;
  leaveStage();
  void home.show(notice);
}

async function create(options: ClientPayloadInput<'host:create'>): Promise<string | null> {
  // Only if it is not already connecting: a second connect() while connecting sends a second CONNECT, the
  // server drops the link, and the request just sent is lost with it (seen on a slow phone tapping Join early).
  if (!socket.active) socket.connect();
  const ack = await request(socket, 'host:create', options);
  if (!ack.ok) return ack.error.message;
  session = { pin: ack.pin, hostToken: ack.hostToken };
  saveHostSession(session);
  return null;
}

async function attach(): Promise<void> {
  if (!session) return showDashboard();
  const ack = await request(socket, 'host:attach', session);
  if (ack.ok) return;
  clearHostSession();
  session = null;
  showDashboard(ack.error.code === 'unavailable' ? ack.error.message : 'Your last game is over. Start a new one.');
}

function leaveStage(): void {
  question?.stop();
  question = null;
  lobby = null;
}

/** Draws the stage for the room's phase. Lobby and question views are kept so counters update in place. */
function render(): void {
  if (!room) return;
  leaveStage();
  if (!app.contains(screen)) app.replaceChildren(screen);
  const playing = room.phase !== 'lobby' && room.phase !== 'ended';
  pinBadge.textContent = playing ? pinText(room) : 'quizroom';
  if (playing) void showJoinBadge(room);
  controls.update(room.phase, nextLabel(room));
  stage.replaceChildren(stageFor(room));
  updatePanel();
}

function updatePanel(): void {
  if (room) panel.update({ phase: room.phase, players: room.players, locked: room.locked, answered });
}

/** Late joiners read the link from the top bar during the game. */
async function showJoinBadge(state: HostRoomState): Promise<void> {
  const where = await joinBase();
  const plain = pinText(state);
  // The PIN first and the address as typed: the bar is narrow and a latecomer needs both whole.
  if (where.base !== null && pinBadge.textContent === plain) pinBadge.textContent = `${plain} · join at ${where.base.replace(/^https?:\/\//, '')}`;
}

function pinText(state: HostRoomState): string {
  return `${state.settings.title} · PIN ${state.pin}`;
}

function stageFor(state: HostRoomState): HTMLElement {
  switch (state.phase) {
    case 'lobby':
      lobby = lobbyView(state.pin, state.settings.title, { kick, lock }, state.settings);
      lobby.setPlayers(state.players, state.count);
      lobby.setLocked(state.locked);
      return lobby.el;
    case 'question':
      if (!state.question) break;
      question = hostQuestionView(state.question, clock);
      question.setProgress(state.answered, state.count);
      return question.el;
    case 'reveal':
      if (state.reveal) return revealView(state.reveal);
      break;
    case 'leaderboard':
      if (state.leaderboard) return leaderboardView(state.leaderboard);
      break;
    case 'podium':
      if (state.gameOver) return podiumView(state.gameOver);
      break;
    case 'ended':
      if (state.gameOver?.report) return reportView(state.gameOver.report, state.settings.title, state.pin, newGame);
      break;
  }
  return h('section', { class: 'stage', attrs: { 'data-view': 'waiting' } }, [h('h1', { text: 'One moment…' })]);
}

function nextLabel(state: HostRoomState): string {
  const labels: Record<Phase, string> = {
    lobby: 'Start game',
    question: 'Close question',
    reveal: 'Leaderboard',
    leaderboard: state.questionIndex + 1 < state.total ? 'Next question' : 'Podium',
    podium: 'Report',
    ended: '',
  };
  return labels[state.phase];
}

function enter(phase: Phase, patch: Partial<HostRoomState>): void {
  if (!room) return;
  room = { ...room, ...patch, phase };
  render();
}

async function advance(): Promise<void> {
  if (!room || room.phase === 'ended') return;
  const ack = room.phase === 'lobby' ? await request(socket, 'host:start', {}) : await request(socket, 'host:next', {});
  if (!ack.ok) return say(ack.error.code === 'no_players' ? 'Wait for at least one player before starting.' : ack.error.message);
  say('');
  // Podium to ended sends no event of its own to the host, only room:closed: move on from the ack.
  if ('phase' in ack && ack.phase === 'ended') finish();
}

function finish(): void {
  clearHostSession();
  session = null;
  if (room?.gameOver?.report) enter('ended', {});
  else showDashboard('The game has ended.');
}

async function endGame(): Promise<void> {
  if (!room || !confirm('End the game for everyone?')) return;
  const ack = await request(socket, 'host:end', {});
  if (!ack.ok) return say(ack.error.message);
  finish();
}

function newGame(): void {
  clearHostSession();
  session = null;
  showDashboard();
}

async function kick(player: LobbyPlayer): Promise<void> {
  const ack = await request(socket, 'host:kick', { playerId: player.id });
  if (!ack.ok) say(ack.error.message);
}

async function lock(locked: boolean): Promise<void> {
  const ack = await request(socket, 'host:lock', { locked });
  if (!ack.ok) return say(ack.error.message);
  if (room) room.locked = ack.locked;
  lobby?.setLocked(ack.locked);
  updatePanel();
}

function setGameOver(over: GameOver): void {
  enter('podium', { gameOver: over });
}

socket.on('connect', () => {
  say('');
  void clock.sync(3);
  if (session) void attach();
  else if (!room && !app.querySelector('[data-home]')) showDashboard();
});
socket.on('disconnect', (reason) => {
  if (reason !== 'io server disconnect' && reason !== 'io client disconnect') say('Connection lost. Reconnecting…');
});
socket.on('server:restarting', () => say('The server is restarting. Reconnecting…'));
socket.on('room:state', (state) => {
  if (state.role !== 'host') return;
  room = state;
  answered = new Set(state.answeredIds);
  render();
});
socket.on('lobby:update', (update) => {
  if (!room) return;
  room = { ...room, players: applyLobbyUpdate(room.players, update), count: update.count };
  lobby?.setPlayers(room.players, room.count);
  updatePanel();
});
socket.on('question:open', (q) => {
  answered = new Set();
  enter('question', { question: q, questionIndex: q.index, answered: 0 });
});
socket.on('question:answered', ({ index, playerIds }) => {
  if (!room || room.phase !== 'question' || room.questionIndex !== index) return;
  for (const id of playerIds) answered.add(id);
  updatePanel();
});
socket.on('question:progress', ({ index, answered, connected }) => {
  if (!room || room.questionIndex !== index) return;
  room.answered = answered;
  question?.setProgress(answered, connected);
});
socket.on('question:reveal', (reveal) => enter('reveal', { reveal }));
socket.on('leaderboard:show', (leaderboard) => enter('leaderboard', { leaderboard }));
socket.on('game:over', setGameOver);
socket.on('room:closed', () => {
  if (room && room.phase !== 'ended') finish();
});

document.addEventListener('keydown', (event) => controls.onKey(event));

if (!session) showDashboard();
