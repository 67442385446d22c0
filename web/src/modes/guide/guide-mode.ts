// The question pages (#mode=guide): a list of questions, and each question's page by its own
// link (`q=<id>` and the page's settings). Each experiment runs on lab workers (headless jobs:
// configs in, results out), cores − 1 of them (at most 4 per variant).
import { h } from '../../dom';
import { Cancelled, LabPool } from '../../run/lab-pool';
import { poolSize } from '../../run/pool-size';
import { createLabWorker } from '../../run/worker-factory';
import type { StartMode } from '../../app/modes';
import type { Variant } from '../../wasm/choose-variant';
import { compileCore } from '../../wasm/instantiate';
import { publishGuide } from '../../test-hook';
import { QUESTIONS } from './questions';
import type { Lab } from './question';
import { QUESTION_KEY, questionPage, type QuestionPage } from './question-frame';
import './guide.css';

/**
 * At most this many workers per variant: the cost page keeps a SIMD and a scalar pool alive at
 * once, each worker with its own instance of the core.
 */
const MAX_WORKERS_PER_VARIANT = 4;

export const startGuide: StartMode = (core, catalog, host, notices) => {
  const size = poolSize(navigator.hardwareConcurrency, MAX_WORKERS_PER_VARIANT);
  const pools = new Map<Variant, LabPool>();
  const poolOn = (variant: Variant, compiled: WebAssembly.Module): LabPool => {
    let pool = pools.get(variant);
    if (pool === undefined) {
      pool = new LabPool(() => createLabWorker(compiled, variant), size);
      pools.set(variant, pool);
    }
    return pool;
  };
  const pool = poolOn(core.variant, core.compiled);
  const progressHost = h('p', { class: 'gd-progress', 'aria-live': 'off' });
  let generation = 0;
  const lab: Lab = {
    core,
    catalog,
    pool,
    async poolFor(variant) {
      if (variant === core.variant) return pool;
      return pools.get(variant) ?? poolOn(variant, await compileCore(variant));
    },
    progress(done, total, what = 'runs') {
      progressHost.textContent = `${done} of ${total} ${what} done`;
    },
    cancel() {
      generation += 1;
      for (const p of pools.values()) p.cancel();
    },
    check(since) {
      if (since !== generation) throw new Cancelled();
    },
    get generation() {
      return generation;
    },
  };
  let page: QuestionPage | null = null;
  let shownId: string | null = null;

  const route = (): void => {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (params.get('mode') !== 'guide') return; // the shell is about to end this mode
    const id = params.get(QUESTION_KEY);
    const q = QUESTIONS.find((x) => x.id === id);
    if (q !== undefined && shownId === q.id && page !== null) {
      notices.show(page.load(location.hash));
      return;
    }
    page?.dispose();
    page = null;
    shownId = q?.id ?? null;
    if (q === undefined) {
      host.replaceChildren(index());
      publishGuide({ question: '', state: 'idle', settings: 'mode=guide' }, core.variant);
      notices.show(
        id === null
          ? []
          : [
              `The link's question “${id.slice(0, 40)}” does not exist (questions: ${QUESTIONS.map((x) => x.id).join(', ')}); showing the list.`,
            ],
      );
      return;
    }
    page = questionPage(q, lab, location.hash, (texts) => notices.show(texts));
    page.element.querySelector('.gd-actions')?.after(progressHost);
    progressHost.textContent = '';
    host.replaceChildren(h('div', { class: 'gd-mode' }, page.element));
    window.scrollTo(0, 0);
  };
  window.addEventListener('hashchange', route);
  route();
  return {
    dispose() {
      window.removeEventListener('hashchange', route);
      page?.dispose();
      lab.cancel();
    },
  };
};

function index(): HTMLElement {
  return h(
    'div',
    { class: 'gd-mode' },
    h(
      'article',
      { class: 'gd-index' },
      h('h2', {}, 'Questions, each answered by an experiment you can rerun'),
      h(
        'p',
        {},
        'Each page asks one question about Leaky ReLU and its slope α, runs an experiment on the core in your browser with one click, and states what that run shows. Change the settings and the answer is computed again; the link keeps them, so anyone can rerun the same experiment.',
      ),
      h(
        'ol',
        { class: 'gd-list' },
        ...QUESTIONS.map((q) =>
          h(
            'li',
            {},
            h('a', { href: `#mode=guide&${QUESTION_KEY}=${q.id}` }, q.title),
            h('span', { class: 'gd-list-q' }, ` ${q.question}`),
          ),
        ),
      ),
    ),
  );
}
