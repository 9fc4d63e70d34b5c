import type { Phase } from '../../shared/index.js';
import { h } from '../common/dom.js';

/** The bar at the bottom of the big screen: End game, and Next, which also answers Space, Enter and →. */
export function nextControls(onNext: () => Promise<void>, onEnd: () => void) {
  let busy = false;
  let phase: Phase = 'lobby';
  const next = h('button', { class: 'btn btn-primary next', attrs: { type: 'button', 'aria-keyshortcuts': 'Space Enter ArrowRight' } });
  const hint = h('span', { class: 'key-hint', text: 'Space / Enter / →', attrs: { 'aria-hidden': 'true' } });
  const end = h('button', { class: 'btn btn-quiet', text: 'End game', attrs: { type: 'button' }, on: { click: onEnd } });

  // Busy is shown with aria-disabled, not `disabled`: disabling the focused button would drop keyboard focus.
  const run = async () => {
    if (busy || phase === 'ended') return;
    busy = true;
    next.setAttribute('aria-disabled', 'true');
    try {
      await onNext();
    } finally {
      busy = false;
      next.removeAttribute('aria-disabled');
    }
  };
  next.addEventListener('click', () => void run());

  return {
    el: h('footer', { class: 'controls' }, [end, h('div', { class: 'next-wrap' }, [hint, next])]),
    update(newPhase: Phase, label: string) {
      phase = newPhase;
      next.textContent = label;
      next.hidden = newPhase === 'ended';
      hint.hidden = newPhase === 'ended';
      end.hidden = newPhase === 'ended';
    },
    onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== ' ' && event.key !== 'Enter' && event.key !== 'ArrowRight') return;
      const target = event.target as HTMLElement;
      // Keys typed into a field belong to it, and so do Space and Enter pressed on a button or link.
      if (target.closest('input, select, textarea, [contenteditable]')) return;
      if (event.key !== 'ArrowRight' && target.closest('button, a')) return;
      if (!document.body.contains(next) || next.hidden) return;
      event.preventDefault();
      void run();
    },
  };
}
