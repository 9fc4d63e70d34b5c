import { issueDetails, plainMessages, quizSchema, type HostQuizSummary, type IssueDetail, type QuestionInput, type QuizInput } from '../../shared/index.js';
import { h } from '../common/dom.js';
import type { ApiResult } from './api.js';
import { clearErrors, field, focusFirstInvalid, placeIssues, slotFor, uid, type ErrorSlot } from './fields.js';
import { questionEditor, type QuestionEditor } from './question-editor.js';

export interface EditorActions {
  save(quiz: QuizInput): Promise<ApiResult<{ quiz: HostQuizSummary }>>;
  /** Back to the dashboard, with what happened. */
  close(notice?: string): void;
}

const MAX_QUESTIONS = 200;

export function blankQuestion(id: string, section: QuestionInput['section']): QuestionInput {
  return { id, section, type: 'single', text: '', options: [], correct: [], accepted: [], explanation: '', difficulty: 2, timeLimitSec: 20 };
}

/** A quiz id the server replaces on creation: it only has to pass the schema in the meantime. */
export const NEW_QUIZ_ID = 'new-quiz';

/**
 * The quiz editor. It checks the quiz with the same zod schema as the server before sending it, and puts
 * each issue (its own or the server's) next to the field its path names.
 */
export function editorView(start: QuizInput, isNew: boolean, actions: EditorActions): HTMLElement {
  const title = field('Quiz title', h('input', { class: 'field', attrs: { id: uid('title'), type: 'text', maxlength: 100 } }));
  const description = field('Description (optional)', h('textarea', { class: 'field', attrs: { id: uid('description'), rows: 2, maxlength: 300 } }));
  title.input.value = start.title;
  description.input.value = start.description ?? '';
  const list = h('ol', { class: 'question-list' });
  const summary = h('div', { class: 'editor-summary', attrs: { role: 'alert' } });
  const save = h('button', { class: 'btn btn-primary', text: 'Save quiz', attrs: { type: 'submit' } });
  const add = h('button', { class: 'btn btn-quiet', text: 'Add question', attrs: { type: 'button' }, on: { click: () => addQuestion() } });
  let cards: QuestionEditor[] = [];

  const ids = new Set(start.questions.map((q) => q.id));
  const freshId = () => {
    let n = ids.size + 1;
    while (ids.has(`q${n}`)) n++;
    ids.add(`q${n}`);
    return `q${n}`;
  };

  const layout = () => {
    list.replaceChildren(...cards.map((c) => c.el));
    cards.forEach((c, i) => c.place(i + 1, cards.length));
    add.disabled = cards.length >= MAX_QUESTIONS;
  };
  const cardFor = (question: QuestionInput): QuestionEditor => {
    const card: QuestionEditor = questionEditor(question, {
      move: (delta) => {
        const from = cards.indexOf(card);
        const to = from + delta;
        if (to < 0 || to >= cards.length) return;
        [cards[from], cards[to]] = [cards[to]!, cards[from]!];
        layout();
      },
      remove: () => {
        cards = cards.filter((c) => c !== card);
        layout();
      },
    });
    return card;
  };
  const addQuestion = () => {
    const previous = cards.at(-1)?.read().section;
    const card = cardFor(blankQuestion(freshId(), previous ?? { number: 1, title: title.input.value.trim() || 'General' }));
    cards.push(card);
    layout();
    card.el.querySelector<HTMLElement>('textarea')?.focus();
  };
  cards = start.questions.map(cardFor);
  layout();

  // Saving a quiz unchanged would only bump its version, and reports name the version they were played from.
  const loaded = isNew ? null : JSON.stringify(quizSchema.safeParse(start).data ?? null);
  const read = (): QuizInput => ({ id: start.id, title: title.input.value, description: description.input.value, questions: cards.map((c) => c.read()) });

  const metaSlots = new Map<string, ErrorSlot>([['title', title], ['description', description]]);
  const show = (message: string, details: readonly IssueDetail[]) => {
    const unplaced = placeIssues(details, (path) => {
      const [head, index, ...rest] = path;
      if (head === 'questions' && typeof index === 'number' && cards[index]) return cards[index].slot(rest);
      return slotFor(metaSlots, path);
    });
    const rest = unplaced.map((d) => h('li', { text: `${d.path.join('.') || 'quiz'}: ${d.message}` }));
    summary.replaceChildren(h('p', { text: message }), ...(rest.length > 0 ? [h('ul', {}, rest)] : []));
    focusFirstInvalid(form);
  };

  const form = h(
    'form',
    {
      class: 'editor-form',
      attrs: { novalidate: true },
      on: {
        submit: async (event) => {
          event.preventDefault();
          clearErrors(form);
          summary.replaceChildren();
          const checked = quizSchema.safeParse(read(), { error: plainMessages });
          if (!checked.success) {
            const details = issueDetails(checked.error.issues);
            return show(`${details.length} ${details.length === 1 ? 'thing needs' : 'things need'} fixing before the quiz can be saved.`, details);
          }
          if (loaded === JSON.stringify(checked.data)) return actions.close('No changes to save.');
          save.disabled = true;
          const reply = await actions.save(checked.data);
          save.disabled = false;
          if (!reply.ok) return show(reply.error.message, reply.error.details ?? []);
          actions.close(`Saved “${reply.quiz.title}” (version ${reply.quiz.version}).`);
        },
      },
    },
    [
      h('div', { class: 'editor-top' }, [
        h('h1', { text: isNew ? 'New quiz' : 'Edit quiz' }),
        h('div', { class: 'editor-actions' }, [
          h('button', { class: 'btn btn-quiet', text: 'Cancel', attrs: { type: 'button' }, on: { click: () => actions.close() } }),
          save,
        ]),
      ]),
      summary,
      h('div', { class: 'editor-meta' }, [title.el, description.el]),
      list,
      add,
    ],
  );
  return h('section', { class: 'editor', attrs: { 'data-view': 'editor', 'data-home': '' } }, [form]);
}
