import './home.css';
import type { ClientPayloadInput, HostQuizSummary, Me, Quiz, SavedReport } from '../../shared/index.js';
import { h, show } from '../common/dom.js';
import { accountView } from './account-view.js';
import { api } from './api.js';
import { dashboardView } from './dashboard.js';
import { blankQuestion, editorView, NEW_QUIZ_ID } from './editor-view.js';
import { savedReportView } from './saved-report-view.js';

export interface HomeDeps {
  /** Resolves to an error message, or null once the room exists. */
  create(options: ClientPayloadInput<'host:create'>): Promise<string | null>;
  /** The socket must reconnect so its handshake carries the new (or no) session or anonymous-host cookie. */
  sessionChanged(): void;
}

/**
 * Everything the host sees outside a game: sign-in, the dashboard, the quiz editor and past reports.
 * Every view carries data-home, so a reconnecting socket knows not to replace it.
 */
export function createHome(app: HTMLElement, deps: HomeDeps): { show(notice?: string): Promise<void> } {
  let me: Me = { account: null, openMode: false };

  const message = (text: string) =>
    show(app, h('section', { class: 'dashboard', attrs: { 'data-view': 'home-message', 'data-home': '' } }, [h('h1', { text: 'quizroom' }), h('p', { class: 'error', text })]));

  const home = async (notice?: string) => {
    app.replaceChildren(h('p', { class: 'loading', text: 'Loading…', attrs: { 'data-home': '' } }));
    const reply = await api<Me>('GET', '/api/account/me');
    if (!reply.ok) return message(`${reply.error.message} Reload the page to try again.`);
    me = { account: reply.account, openMode: reply.openMode };
    if (reply.cookieIssued) deps.sessionChanged();
    if (!me.account && !me.openMode) return signIn('signin');
    show(
      app,
      dashboardView({
        notice,
        me,
        onCreate: deps.create,
        library: { newQuiz, edit },
        signIn: () => signIn('signin'),
        signOut,
        openReport,
      }),
    );
  };

  const signIn = (mode: 'signin' | 'signup') =>
    show(
      app,
      accountView({
        mode,
        openMode: me.openMode,
        onSignedIn: (account) => {
          deps.sessionChanged();
          void home(`Signed in as ${account.email}.`);
        },
        onBack: () => void home(),
      }),
    );

  const signOut = async () => {
    await api('POST', '/api/account/signout');
    deps.sessionChanged();
    await home('Signed out.');
  };

  const close = (notice?: string) => void home(notice);

  const newQuiz = () => {
    const draft = { id: NEW_QUIZ_ID, title: '', description: '', questions: [blankQuestion('q1', { number: 1, title: 'General' })] };
    show(app, editorView(draft, true, { save: (quiz) => api<{ quiz: HostQuizSummary }>('POST', '/api/my/quizzes', quiz), close }));
  };

  const edit = async (id: string) => {
    const reply = await api<{ quiz: Quiz }>('GET', `/api/my/quizzes/${encodeURIComponent(id)}`);
    if (!reply.ok) return home(reply.error.message);
    show(app, editorView(reply.quiz, false, { save: (quiz) => api<{ quiz: HostQuizSummary }>('PUT', `/api/my/quizzes/${encodeURIComponent(id)}`, quiz), close }));
  };

  const openReport = async (id: string) => {
    const reply = await api<{ report: SavedReport }>('GET', `/api/my/reports/${encodeURIComponent(id)}`);
    if (!reply.ok) return home(reply.error.message);
    show(app, savedReportView(reply.report, () => void home()));
  };

  return { show: home };
}
