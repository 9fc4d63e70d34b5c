import { h } from '../common/dom.js';
import { optionClass, optionLook } from '../common/options.js';

/** The big screen's 2-step join sequence: the four shapes players tap after the PIN, in order. */
export function joinShapesView(shapes: readonly number[]): HTMLElement {
  const names = shapes.map((s) => optionLook(s).name).join(', ');
  return h('div', { class: 'join-shapes', attrs: { 'data-testid': 'join-shapes', 'aria-label': `2-step join: tap ${names}` } }, [
    h('p', { class: 'pin-label', text: 'Then tap' }),
    h(
      'ol',
      { class: 'join-shapes-list' },
      shapes.map((s) => h('li', { class: `${optionClass(s)} join-shape`, text: optionLook(s).shape, attrs: { 'data-shape': s, 'aria-hidden': 'true' } })),
    ),
  ]);
}
