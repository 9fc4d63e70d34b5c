import type { Clock } from './clock.js';
import { h } from './dom.js';

/**
 * Ticks a countdown to a server-time deadline. The number updates every tick; `announce` is
 * called only at a few moments so an aria-live region does not read out every second.
 */
export function startCountdown(
  clock: Clock,
  deadline: number,
  onTick: (secondsLeft: number, fractionLeft: number) => void,
  totalMs: number,
  announce?: (message: string) => void,
): () => void {
  let lastSecond = -1;
  const tick = () => {
    const msLeft = Math.max(0, deadline - clock.now());
    const seconds = Math.ceil(msLeft / 1000);
    if (seconds === lastSecond) return;
    const first = lastSecond === -1;
    lastSecond = seconds;
    onTick(seconds, totalMs > 0 ? msLeft / totalMs : 0);
    if (!announce) return;
    if (first) announce(`${seconds} seconds to answer`);
    else if (seconds === 10 || seconds === 5) announce(`${seconds} seconds left`);
    else if (seconds === 0) announce("Time's up");
  };
  tick();
  const timer = setInterval(tick, 200);
  return () => clearInterval(timer);
}

/** A question's countdown as shown on both screens: the seconds, a shrinking bar and a polite spoken cue. */
export function countdownDisplay(clock: Clock, question: { deadline: number; timeLimitMs: number }, countClass: string) {
  const seconds = h('span', { class: countClass, attrs: { 'aria-hidden': 'true' } });
  const bar = h('div', { class: 'timer-bar' });
  const spoken = h('span', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  const stop = startCountdown(
    clock,
    question.deadline,
    (left, fraction) => {
      seconds.textContent = String(left);
      bar.style.width = `${Math.round(fraction * 100)}%`;
    },
    question.timeLimitMs,
    (message) => (spoken.textContent = message),
  );
  return { seconds, bar, spoken, stop };
}
