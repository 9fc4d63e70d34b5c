import { LIMITS, QUESTION_TYPES, type QuestionInput, type QuestionType } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { optionClass, optionLook } from '../common/options.js';
import { errorLine, field, uid, type ErrorSlot } from './fields.js';

export interface QuestionEditor {
  el: HTMLLIElement;
  read(): QuestionInput;
  /** Where an issue at this path inside the question goes (the card's own line when no field matches). */
  slot(path: readonly (string | number)[]): ErrorSlot;
  place(number: number, total: number): void;
}

export interface QuestionActions {
  move(delta: -1 | 1): void;
  remove(): void;
}

const TYPE_LABELS: Record<QuestionType, string> = {
  single: 'One right answer',
  multi: 'Several right answers',
  truefalse: 'True or false',
  typed: 'Typed answer',
};

const TRUE_FALSE = ['True', 'False'];

const input = (attrs: Record<string, string | number | boolean>) => h('input', { class: 'field', attrs: { id: uid('q'), ...attrs } });
const textarea = (rows: number, maxlength: number) => h('textarea', { class: 'field', attrs: { id: uid('q'), rows, maxlength } });

/** One question's card in the editor: every field of `questionSchema`, laid out for its type. */
export function questionEditor(question: QuestionInput, actions: QuestionActions): QuestionEditor {
  const heading = h('h2', { class: 'question-number' });
  const type = field('Type', h('select', { class: 'field', attrs: { id: uid('q') } }, QUESTION_TYPES.map((t) => h('option', { text: TYPE_LABELS[t], attrs: { value: t } }))));
  const text = field('Question text', textarea(2, LIMITS.textMax));
  const accepted = field(
    'Accepted answers, one per line',
    textarea(3, LIMITS.acceptedMax * 10),
    'Matching ignores case, spacing, a leading "the"/"a", end punctuation, hyphens, plurals and -ise/-ize; the first line is shown as the answer.',
  );
  const oneTypo = h('input', { attrs: { id: uid('q'), type: 'checkbox' } });
  const oneTypoRow = h('div', { class: 'setting setting-check' }, [oneTypo, h('label', { text: 'Also accept one wrong letter in answers of 8+ letters', attrs: { for: oneTypo.id } })]);
  const explanation = field('Explanation', textarea(2, LIMITS.explanationMax), 'Shown after the question closes and in the players\' study list.');
  const sectionNumber = field('Section number', input({ type: 'number', min: 1, max: 9, step: 1, inputmode: 'numeric' }));
  const sectionTitle = field('Section title', input({ type: 'text', maxlength: 80 }));
  const difficulty = field('Difficulty', h('select', { class: 'field', attrs: { id: uid('q') } }, ['Easy', 'Medium', 'Hard'].map((label, i) => h('option', { text: label, attrs: { value: i + 1 } }))));
  const timeLimit = field('Seconds to answer', input({ type: 'number', min: LIMITS.timeLimitMinSec, max: LIMITS.timeLimitMaxSec, step: 1, inputmode: 'numeric' }));

  const group = uid('correct');
  const optionsError = errorLine(uid('options-error'));
  const rows = [0, 1, 2, 3].map((i) => {
    const option = input({ type: 'text', maxlength: LIMITS.optionMax, 'aria-label': `Answer ${i + 1}` });
    const mark = h('input', { attrs: { type: 'radio', name: group, value: i, 'aria-label': `Answer ${i + 1} is correct` } });
    const el = h('div', { class: 'option-row' }, [
      h('span', { class: `${optionClass(i)} option-shape`, text: optionLook(i).shape, attrs: { 'aria-hidden': 'true' } }),
      option,
      h('label', { class: 'correct-toggle' }, [mark, h('span', { text: 'Correct', attrs: { 'aria-hidden': 'true' } })]),
    ]);
    return { option, mark, el };
  });
  const answers = h('fieldset', { class: 'answers' }, [h('legend', { text: 'Answers: mark the right one' }), ...rows.map((r) => r.el), optionsError]);
  const cardError = errorLine(uid('question-error'));

  const move = (delta: -1 | 1, label: string, text: string) =>
    h('button', { class: 'btn-link', text, attrs: { type: 'button', 'aria-label': label }, on: { click: () => actions.move(delta) } });
  const up = move(-1, 'Move question up', '↑ Up');
  const down = move(1, 'Move question down', '↓ Down');
  const remove = h('button', { class: 'btn-link', text: 'Remove', attrs: { type: 'button' }, on: { click: actions.remove } });

  /** Shows the fields the type uses: options with radios or checkboxes, fixed True/False, or accepted spellings. */
  const fitType = () => {
    const kind = type.input.value as QuestionType;
    const fixed = kind === 'truefalse';
    answers.hidden = kind === 'typed';
    accepted.el.hidden = kind !== 'typed';
    oneTypoRow.hidden = kind !== 'typed';
    (answers.querySelector('legend') as HTMLElement).textContent = kind === 'multi' ? 'Answers: mark every right one' : 'Answers: mark the right one';
    rows.forEach((row, i) => {
      row.mark.type = kind === 'multi' ? 'checkbox' : 'radio';
      row.option.readOnly = fixed;
      if (fixed && i < 2) row.option.value = TRUE_FALSE[i]!;
      row.el.hidden = fixed && i >= 2;
    });
  };
  type.input.addEventListener('change', fitType);

  type.input.value = question.type;
  text.input.value = question.text;
  question.options.forEach((o, i) => rows[i] && (rows[i].option.value = o));
  // Marks become checkboxes first: ticked while still radios sharing a name, each tick would clear the one before.
  fitType();
  question.correct.forEach((i) => rows[i] && (rows[i].mark.checked = true));
  accepted.input.value = (question.accepted ?? []).join('\n');
  oneTypo.checked = question.acceptOneTypo === true;
  explanation.input.value = question.explanation;
  sectionNumber.input.value = String(question.section.number);
  sectionTitle.input.value = question.section.title;
  difficulty.input.value = String(question.difficulty);
  timeLimit.input.value = String(question.timeLimitSec);

  /** Filled answer rows become the options, in order; `shown[k]` is the row of option k, for placing errors. */
  let shown: number[] = [];
  const read = (): QuestionInput => {
    const kind = type.input.value as QuestionType;
    const used = kind === 'typed' ? [] : rows.map((row, i) => ({ row, i })).filter(({ row, i }) => (kind === 'truefalse' ? i < 2 : row.option.value.trim() !== ''));
    shown = used.map(({ i }) => i);
    return {
      id: question.id,
      section: { number: Number(sectionNumber.input.value), title: sectionTitle.input.value },
      type: kind,
      text: text.input.value,
      options: used.map(({ row }) => row.option.value),
      correct: used.flatMap(({ row }, k) => (row.mark.checked ? [k] : [])),
      accepted: kind === 'typed' ? accepted.input.value.split('\n').map((s) => s.trim()).filter(Boolean) : [],
      ...(kind === 'typed' && oneTypo.checked ? { acceptOneTypo: true } : {}),
      explanation: explanation.input.value,
      difficulty: Number(difficulty.input.value),
      timeLimitSec: Number(timeLimit.input.value),
    };
  };

  const slots = new Map<string, ErrorSlot>([
    ['type', type],
    ['text', text],
    ['accepted', accepted],
    ['acceptOneTypo', { error: accepted.error, input: oneTypo }],
    ['explanation', explanation],
    ['section.number', sectionNumber],
    ['section.title', sectionTitle],
    ['section', sectionTitle],
    ['difficulty', difficulty],
    ['timeLimitSec', timeLimit],
    ['options', { error: optionsError, input: rows[0]!.option }],
    ['correct', { error: optionsError, input: rows[0]!.mark }],
  ]);

  const el = h('li', { class: 'question-card' }, [
    h('div', { class: 'question-head' }, [heading, h('div', { class: 'question-tools' }, [up, down, remove])]),
    h('div', { class: 'question-grid' }, [type.el, text.el]),
    answers,
    accepted.el,
    oneTypoRow,
    explanation.el,
    h('div', { class: 'question-grid question-meta' }, [sectionNumber.el, sectionTitle.el, difficulty.el, timeLimit.el]),
    cardError,
  ]);

  return {
    el,
    read,
    slot(path) {
      const [head, index] = path;
      if (head === 'options' && typeof index === 'number') {
        const row = shown[index] ?? index;
        return { error: optionsError, input: rows[row]?.option, prefix: `Answer ${row + 1}: ` };
      }
      return slots.get(path.join('.')) ?? slots.get(String(head)) ?? { error: cardError };
    },
    place(number, total) {
      heading.textContent = `Question ${number}`;
      el.setAttribute('aria-label', `Question ${number} of ${total}`);
      up.disabled = number === 1;
      down.disabled = number === total;
      remove.disabled = total === 1;
    },
  };
}
