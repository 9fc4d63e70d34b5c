import type { IssueDetail } from '../../shared/index.js';
import { h } from '../common/dom.js';

let counter = 0;

/** Ids for label/field pairs: several editors' fields never share one. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Where a message about one field goes, and the control that gets aria-invalid. */
export interface ErrorSlot {
  error: HTMLElement;
  input?: HTMLElement;
  /** Put before the message, when several controls share one error line ("Answer 3: …"). */
  prefix?: string;
}

export interface Field<T extends HTMLElement> extends ErrorSlot {
  el: HTMLElement;
  input: T;
}

export function errorLine(id: string): HTMLElement {
  return h('p', { class: 'field-error', attrs: { id, hidden: true } });
}

/** A labelled control with its own error line below it. */
export function field<T extends HTMLElement>(label: string, input: T, hint?: string): Field<T> {
  if (!input.id) input.id = uid('field');
  const error = errorLine(`${input.id}-error`);
  const el = h('div', { class: 'field-wrap' }, [
    h('label', { text: label, attrs: { for: input.id } }),
    input,
    hint ? h('p', { class: 'field-hint', text: hint }) : null,
    error,
  ]);
  return { el, input, error };
}

function showError(slot: ErrorSlot, message: string): void {
  const text = `${slot.prefix ?? ''}${message}`;
  slot.error.textContent = slot.error.textContent ? `${slot.error.textContent} · ${text}` : text;
  slot.error.hidden = false;
  if (slot.input) {
    slot.input.setAttribute('aria-invalid', 'true');
    slot.input.setAttribute('aria-describedby', slot.error.id);
  }
}

export function clearErrors(root: HTMLElement): void {
  for (const line of root.querySelectorAll<HTMLElement>('.field-error')) {
    line.textContent = '';
    line.hidden = true;
  }
  for (const control of root.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
}

/** The slot registered for a zod issue path, or for the nearest enclosing path (options.2 → options). */
export function slotFor(slots: ReadonlyMap<string, ErrorSlot>, path: readonly (string | number)[]): ErrorSlot | undefined {
  for (let length = path.length; length > 0; length--) {
    const slot = slots.get(path.slice(0, length).join('.'));
    if (slot) return slot;
  }
  return undefined;
}

/** Shows each issue next to its field; returns those no field claims, for a summary. */
export function placeIssues(details: readonly IssueDetail[], find: (path: IssueDetail['path']) => ErrorSlot | undefined): IssueDetail[] {
  const unplaced: IssueDetail[] = [];
  for (const detail of details) {
    const slot = find(detail.path);
    if (slot) showError(slot, detail.message);
    else unplaced.push(detail);
  }
  return unplaced;
}

/** Moves focus to the first control marked invalid, so a keyboard user lands on the problem. */
export function focusFirstInvalid(root: HTMLElement): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
