import type { ApiError, HostQuizSummary, QuizSummary } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { api, type ApiResult } from './api.js';
import { uid } from './fields.js';

export interface LibraryActions {
  newQuiz(): void;
  edit(id: string): void;
}

type Card = QuizSummary & { own: boolean };

/**
 * The quizzes to choose from, as radio cards: the host's own (with edit, copy, export and delete, plus new and
 * import) and the built-ins (which a signed-in host may copy into their own to adapt).
 */
export function quizPicker(signedIn: boolean, countInput: HTMLInputElement, actions: LibraryActions): HTMLElement {
  const list = h('div', { class: 'quiz-list' }, [h('p', { class: 'muted', text: 'Loading quizzes…' })]);
  const status = h('p', { class: 'library-status', attrs: { role: 'status' } });
  const importErrors = h('ul', { class: 'import-errors', attrs: { role: 'alert' } });

  const report = (message: string, error?: ApiError) => {
    status.textContent = message;
    importErrors.replaceChildren(...(error?.details ?? []).map((d) => h('li', { text: `${d.path.join(' · ')}: ${d.message}` })));
  };

  const reload = async (selectId?: string) => {
    const [builtIns, own] = await Promise.all([
      api<{ quizzes: QuizSummary[] }>('GET', '/api/quizzes'),
      signedIn ? api<{ quizzes: HostQuizSummary[] }>('GET', '/api/my/quizzes') : Promise.resolve(null),
    ]);
    if (!builtIns.ok || (own && !own.ok)) {
      list.replaceChildren(h('p', { class: 'error', text: 'Could not load the quizzes. Reload the page to try again.' }));
      return;
    }
    const mine: Card[] = own?.ok ? own.quizzes.map((q) => ({ ...q, own: true })) : [];
    const shared: Card[] = builtIns.quizzes.map((q) => ({ ...q, own: false }));
    const chosen = selectId ?? mine[0]?.id ?? shared[0]?.id;
    list.replaceChildren(
      ...(signedIn ? [group('My quizzes', mine, libraryTools(), h('p', { class: 'muted', text: 'No quizzes of your own yet: write one or import a file.' }))] : []),
      // Without an account there is one group: the fieldset's legend already names it.
      group(signedIn ? 'Built-in quizzes' : null, shared),
    );
    const radio = list.querySelector<HTMLInputElement>(`input[value="${CSS.escape(chosen ?? '')}"]`);
    if (radio) {
      radio.checked = true;
      radio.dispatchEvent(new Event('change'));
    }
  };

  const run = async (work: Promise<ApiResult<{ quiz?: HostQuizSummary }>>, done: (title: string) => string) => {
    const reply = await work;
    if (!reply.ok) return report(reply.error.message, reply.error);
    report(done(reply.quiz?.title ?? ''));
    await reload(reply.quiz?.id);
  };

  const importInput = h('input', { class: 'sr-only', attrs: { id: uid('import'), type: 'file', accept: '.json,.csv,application/json,text/csv' } });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    const title = file.name.replace(/\.[^.]*$/, '').trim().slice(0, 100) || undefined;
    await run(api('POST', '/api/my/quizzes/import', { format, content: await file.text(), ...(format === 'csv' ? { title } : {}) }), (t) => `Imported “${t}”.`);
  });

  const libraryTools = () =>
    h('div', { class: 'library-tools' }, [
      h('button', { class: 'btn btn-small', text: 'New quiz', attrs: { type: 'button' }, on: { click: actions.newQuiz } }),
      h('label', { class: 'btn btn-small btn-quiet', text: 'Import JSON or CSV', attrs: { for: importInput.id } }),
      importInput,
    ]);

  const group = (title: string | null, cards: Card[], tools?: HTMLElement, empty?: HTMLElement) =>
    h('section', { class: 'quiz-group' }, [
      title ? h('div', { class: 'quiz-group-head' }, [h('h2', { text: title }), tools]) : null,
      ...(tools ? [status, importErrors] : []),
      ...(cards.length === 0 && empty ? [empty] : cards.map(card)),
    ]);

  const card = (quiz: Card) => {
    const id = uid('quiz');
    const radio = h('input', { attrs: { type: 'radio', name: 'quiz', value: quiz.id, id } });
    radio.addEventListener('change', () => (countInput.max = String(quiz.questionCount)));
    const meta = quiz.own
      ? `${quiz.questionCount} questions · version ${(quiz as Card & HostQuizSummary).version}`
      : `${quiz.questionCount} questions${quiz.description ? ` · ${quiz.description}` : ''}`;
    const button = (text: string, label: string, onClick: () => void) =>
      h('button', { class: 'btn-link', text, attrs: { type: 'button', 'aria-label': `${label} ${quiz.title}` }, on: { click: onClick } });
    const download = (format: 'json' | 'csv') =>
      h('a', { class: 'btn-link', text: format.toUpperCase(), attrs: { href: `/api/my/quizzes/${encodeURIComponent(quiz.id)}/export.${format}`, download: '', 'aria-label': `Export ${quiz.title} as ${format.toUpperCase()}` } });
    const tools = quiz.own
      ? [
          button('Edit', 'Edit', () => actions.edit(quiz.id)),
          button('Duplicate', 'Duplicate', () => void run(api('POST', `/api/my/quizzes/${encodeURIComponent(quiz.id)}/duplicate`), (t) => `Made “${t}”.`)),
          h('span', { class: 'muted', text: 'Export:' }),
          download('json'),
          download('csv'),
          button('Delete', 'Delete', () => {
            if (!confirm(`Delete “${quiz.title}”? Its past games' reports stay.`)) return;
            void run(api('DELETE', `/api/my/quizzes/${encodeURIComponent(quiz.id)}`), () => `Deleted “${quiz.title}”.`);
          }),
        ]
      : // A copy of a built-in holds its answer key, which only the HOST_KEY holder gets (see README, Answer keys).
        [];
    return h('div', { class: 'quiz-card' }, [
      h('label', { class: 'quiz-pick', attrs: { for: id } }, [radio, h('span', { class: 'quiz-title', text: quiz.title }), h('span', { class: 'quiz-meta', text: meta })]),
      tools.length > 0 ? h('div', { class: 'quiz-tools' }, tools) : null,
    ]);
  };

  void reload();
  return list;
}
