import './player.css';
import type { Answer, GameOver, PlayerRoomState, PlayerResult, Reveal, RoomState } from '../../shared/index.js';
import { createClock } from '../common/clock.js';
import { byId, show } from '../common/dom.js';
import { connect, request } from '../common/socket.js';
import { finalView } from './final-view.js';
import { joinShapesView } from './join-shapes-view.js';
import { joinView } from './join-view.js';
import { messageFor } from './messages.js';
import { questionView } from './question-view.js';
import { resultView, standingsView } from './result-view.js';
import { clearSession, loadSession, saveSession } from './session.js';
import { lobbyView, messageView } from './status-views.js';

const app = byId('app');
const banner = byId('banner');
const socket = connect();
const clock = createClock(socket);

const params = new URLSearchParams(location.search);
const urlPin = params.get('pin')?.replace(/\D/g, '').slice(0, 6) ?? '';
/** The room's join key from its QR link: it gets this phone past its network's wrong-PIN limit. */
const urlKey = /^[A-Za-z0-9_-]{22}$/.test(params.get('key') ?? '') ? params.get('key')! : undefined;
let session = loadSession();
// A link to another game wins over a stale session.
if (session && urlPin && session.pin !== urlPin) {
  clearSession();
  session = null;
}

const me = { playerId: '', nickname: '', score: 0, rank: 0, generated: false };
let lastReveal: Reveal | undefined;
let gameOver = false;
let stopTimer = () => {};

/** `tone` colours the whole screen green or red after a question, readable at a glance. */
function render(view: HTMLElement, tone?: 'right' | 'wrong'): void {
  stopTimer();
  stopTimer = () => {};
  if (tone) document.body.dataset.tone = tone;
  else delete document.body.dataset.tone;
  show(app, view);
}

function updateMe(score: number, rank: number): void {
  me.score = score;
  me.rank = rank;
  byId('me').hidden = me.nickname === '';
  byId('me-name').textContent = me.nickname;
  byId('me-score').textContent = `${score} pts`;
}

function showJoin(notice?: string): void {
  me.nickname = '';
  gameOver = false;
  updateMe(0, 0);
  render(joinView({ pin: session?.pin ?? urlPin, notice, onJoin: join }));
}

/** Refusals the shapes step answers itself; any other sends the player back to the PIN and nickname. */
const SHAPE_FAILURES = new Set(['sequence_wrong', 'rate_limited', 'unavailable']);

async function join(pin: string, nickname: string, shapes?: number[]): Promise<string | null> {
  // Only if it is not already connecting: a second connect() while connecting sends a second CONNECT, the
  // server drops the link, and the request just sent is lost with it (seen on a slow phone tapping Join early).
  if (!socket.active) socket.connect();
  const joinKey = urlKey && pin === urlPin ? urlKey : undefined;
  const ack = await request(socket, 'player:join', { pin, nickname, ...(shapes ? { shapes } : {}), ...(joinKey ? { joinKey } : {}) });
  if (!ack.ok && ack.error.code === 'sequence_required') {
    render(joinShapesView({ onShapes: (tapped) => join(pin, nickname, tapped), onBack: () => render(joinView({ pin, nickname, onJoin: join })) }));
    return null;
  }
  // The room checks the name and its lock only once the shapes are right: such a refusal goes back to the name.
  if (!ack.ok && shapes && !SHAPE_FAILURES.has(ack.error.code)) {
    render(joinView({ pin, nickname, notice: messageFor(ack.error), onJoin: join }));
    return null;
  }
  if (!ack.ok) return messageFor(ack.error);
  session = { pin, playerToken: ack.playerToken };
  saveSession(session);
  me.playerId = ack.playerId;
  me.generated = fold(ack.nickname) !== fold(nickname);
  me.nickname = ack.nickname;
  updateMe(0, 0);
  render(lobbyView(me.nickname, me.generated));
  return null;
}

/** Case and spacing the server may normalise, so only a different name counts as generated. */
function fold(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

async function rejoin(): Promise<void> {
  if (!session) return;
  const ack = await request(socket, 'player:rejoin', session);
  if (ack.ok) {
    me.playerId = ack.playerId;
    me.nickname = ack.nickname;
    updateMe(ack.score, me.rank);
    return;
  }
  if (ack.error.code === 'unavailable' || ack.error.code === 'rate_limited') {
    render(messageView('waiting', 'Reconnecting…', messageFor(ack.error)));
    setTimeout(() => void rejoin(), 2000);
    return;
  }
  clearSession();
  session = null;
  showJoin('Your last game is over or no longer exists. Join a new one.');
}

function showQuestion(state: { question: NonNullable<RoomState['question']>; answered: boolean }): void {
  if (state.answered) return showLocked();
  const view = questionView(state.question, clock, (answer) => submitAnswer(state.question.index, answer));
  render(view.el);
  stopTimer = view.stop;
}

async function submitAnswer(questionIndex: number, answer: Answer): Promise<string | null> {
  const ack = await request(socket, 'player:answer', { questionIndex, answer });
  if (ack.ok || ack.error.code === 'already_answered') {
    showLocked();
    return null;
  }
  if (ack.error.code === 'too_late') {
    render(messageView('waiting', "Time's up", 'Your answer came too late. Look at the big screen.'));
    return null;
  }
  return messageFor(ack.error);
}

function showLocked(): void {
  render(messageView('locked', 'Answer locked in', 'Waiting for the others…'));
}

function showResult(result: PlayerResult): void {
  updateMe(result.score, result.rank);
  render(resultView(result, lastReveal?.index === result.index ? lastReveal : undefined), result.correct ? 'right' : result.answered ? 'wrong' : undefined);
}

function showFinal(over: GameOver): void {
  gameOver = true;
  if (over.you) updateMe(over.you.score, over.you.rank);
  render(
    finalView(over, () => {
      clearSession();
      session = null;
      showJoin();
    }),
  );
}

function fromState(state: PlayerRoomState): void {
  me.playerId = state.playerId;
  me.nickname = state.nickname;
  updateMe(state.score, state.rank);
  lastReveal = state.reveal;
  if (state.phase === 'lobby') return render(lobbyView(me.nickname, me.generated));
  if (state.phase === 'question' && state.question) return showQuestion({ question: state.question, answered: state.answered });
  if (state.phase === 'reveal' && state.result) return showResult(state.result);
  if (state.phase === 'leaderboard' && state.leaderboard) {
    return render(standingsView(state.leaderboard, me.playerId, state.rank, state.score));
  }
  if ((state.phase === 'podium' || state.phase === 'ended') && state.gameOver) return showFinal(state.gameOver);
  render(messageView('waiting', 'Look at the big screen', 'The next step is on its way.'));
}

socket.on('connect', () => {
  banner.textContent = '';
  void clock.sync(3);
  void rejoin();
});
socket.on('disconnect', (reason) => {
  // After a kick or the end of the room the server hangs up on purpose: nothing to reconnect to.
  if (reason !== 'io server disconnect' && reason !== 'io client disconnect') banner.textContent = 'Connection lost. Reconnecting…';
});
socket.on('server:restarting', () => (banner.textContent = 'The server is restarting. Reconnecting…'));
socket.on('room:state', (state) => {
  if (state.role === 'player') fromState(state);
});
socket.on('question:open', (question) => showQuestion({ question, answered: false }));
socket.on('question:reveal', (reveal) => {
  lastReveal = reveal;
  render(messageView('waiting', 'Question closed', 'Here comes your result…'));
});
socket.on('player:result', showResult);
socket.on('leaderboard:show', (board) => render(standingsView(board, me.playerId, me.rank, me.score)));
socket.on('game:over', showFinal);
socket.on('player:kicked', () => {
  clearSession();
  session = null;
  render(messageView('kicked', 'You were removed', 'The host removed you from this game.', { label: 'Join a game', run: () => showJoin() }));
});
socket.on('room:closed', ({ reason }) => {
  clearSession();
  session = null;
  // The final screen holds the study list: leave it up rather than wiping it.
  if (!gameOver) showJoin(reason);
});

if (session) render(messageView('waiting', 'Reconnecting…', 'Taking you back to your game.'));
else showJoin();
