import { h } from '../common/dom.js';
import { optionClass, optionLook } from '../common/options.js';

const SEQUENCE_LENGTH = 4;

export interface JoinShapesOptions {
  /** Resolves to an error message to show (the taps start over), or null once joined. */
  onShapes(shapes: number[]): Promise<string | null>;
  onBack(): void;
}

/** The 2-step join's second step: after the PIN and nickname, the four shapes the big screen shows, in order. */
export function joinShapesView({ onShapes, onBack }: JoinShapesOptions): HTMLElement {
  let tapped: number[] = [];
  const slots = Array.from({ length: SEQUENCE_LENGTH }, () => h('li', { class: 'shape-slot' }));
  const error = h('p', { class: 'error', attrs: { id: 'shapes-error', role: 'alert' } });
  const buttons = [0, 1, 2, 3].map((shape) =>
    h(
      'button',
      {
        class: `${optionClass(shape)} shape-button`,
        attrs: { type: 'button', 'aria-label': optionLook(shape).name, 'data-shape': shape, 'aria-describedby': 'shapes-error' },
        on: { click: () => void tap(shape) },
      },
      [h('span', { class: 'shape', text: optionLook(shape).shape, attrs: { 'aria-hidden': 'true' } })],
    ),
  );
  const status = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });

  const draw = () => {
    slots.forEach((slot, i) => {
      const shape = tapped[i];
      slot.className = shape === undefined ? 'shape-slot' : `shape-slot ${optionClass(shape)}`;
      slot.textContent = shape === undefined ? '' : optionLook(shape).shape;
    });
    status.textContent = `${tapped.length} of ${SEQUENCE_LENGTH} tapped`;
    for (const button of buttons) button.disabled = tapped.length === SEQUENCE_LENGTH;
  };

  async function tap(shape: number): Promise<void> {
    if (tapped.length === SEQUENCE_LENGTH) return;
    tapped = [...tapped, shape];
    error.textContent = '';
    draw();
    if (tapped.length < SEQUENCE_LENGTH) return;
    const message = await onShapes(tapped);
    if (message === null) return;
    error.textContent = message;
    tapped = [];
    draw();
  }

  draw();
  return h('section', { class: 'view view-join-shapes', attrs: { 'data-view': 'join-shapes' } }, [
    h('h1', { class: 'big', text: 'Tap the shapes' }),
    h('p', { class: 'lead', text: 'Tap the four shapes shown on the big screen, in the same order.' }),
    h('ol', { class: 'shape-slots', attrs: { 'aria-hidden': 'true' } }, slots),
    status,
    h('div', { class: 'shape-buttons' }, buttons),
    error,
    h('div', { class: 'shape-actions' }, [
      h('button', {
        class: 'btn btn-quiet',
        text: 'Start over',
        attrs: { type: 'button' },
        on: {
          click: () => {
            tapped = [];
            error.textContent = '';
            draw();
          },
        },
      }),
      h('button', { class: 'btn btn-quiet', text: 'Back', attrs: { type: 'button' }, on: { click: onBack } }),
    ]),
  ]);
}
