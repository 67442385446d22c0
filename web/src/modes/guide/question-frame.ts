// One question page: the question, its context, the settings (each a property row, so the
// link carries them), the run button with its progress, links into the full modes, what to
// look at, and the result drawn from the run with the sentences computed from it.
import { h, uid } from '../../dom';
import { defaultSettings, type Property } from '../../state/properties';
import { parseLink, writeLink } from '../../state/link';
import { Cancelled } from '../../run/lab-pool';
import { publishGuide } from '../../test-hook';
import type { AnyQuestion, Lab, Shown } from './question';
import { SETTING_LABELS } from './rows';

export const QUESTION_KEY = 'q';
const OTHER_KEYS = ['mode', QUESTION_KEY, 'simd'];

export interface QuestionPage {
  readonly element: HTMLElement;
  /** The link changed (same question): new settings, old result cleared. */
  load(hash: string): string[];
  dispose(): void;
}

export function questionPage(
  q: AnyQuestion,
  lab: Lab,
  hash: string,
  onNotices: (texts: string[]) => void,
): QuestionPage {
  const props = q.props(lab.catalog) as readonly Property<Record<string, unknown>>[];
  let settings = defaultSettings(props);
  let shown: Shown | null = null;
  let running = false;

  const inputs = new Map<string, HTMLInputElement>();
  const fields = props.map((p) => {
    const id = uid('gd');
    const help = uid('gdh');
    const input = h('input', {
      id,
      type: 'text',
      'aria-describedby': help,
      spellcheck: 'false',
      autocomplete: 'off',
    });
    inputs.set(p.key, input);
    return h(
      'div',
      { class: 'gd-field' },
      h(
        'label',
        { for: id },
        SETTING_LABELS[p.key] ?? p.key,
        h('span', { class: 'gd-key' }, ` (${p.key})`),
      ),
      input,
      h('p', { id: help, class: 'hint' }, ''),
    );
  });
  const form = h('form', { class: 'gd-settings' }, ...fields);
  form.addEventListener('submit', (e) => e.preventDefault());
  const button = h('button', { type: 'button', class: 'gd-run primary' }, 'Run the experiment');
  const cancel = h('button', { type: 'button', class: 'gd-cancel', hidden: true }, 'Cancel');
  const status = h(
    'p',
    { class: 'gd-status', role: 'status', 'aria-live': 'polite' },
    `Takes about ${q.duration} at the default settings.`,
  );
  const linksHost = h('p', { class: 'gd-links' });
  const result = h('div', { class: 'gd-result' });
  const conclusion = h('div', { class: 'gd-conclusion', 'aria-live': 'polite' });
  const element = h(
    'article',
    { class: 'gd-page', 'data-question': q.id },
    h('p', { class: 'gd-back' }, h('a', { href: `#mode=guide` }, '← All questions')),
    h('h2', {}, q.question),
    h('div', { class: 'gd-context' }, ...q.context.map((t) => h('p', {}, t))),
    h(
      'section',
      { class: 'gd-experiment', 'aria-label': 'The experiment' },
      h('h3', {}, 'The experiment'),
      form,
      h('div', { class: 'gd-actions' }, button, cancel),
      status,
      linksHost,
    ),
    h('section', { class: 'gd-look' }, h('h3', {}, 'What to look at'), h('p', {}, q.look)),
    h(
      'section',
      { class: 'gd-answer', 'aria-label': 'The result' },
      h('h3', {}, 'The result'),
      conclusion,
      result,
    ),
  );

  const fill = (): void => {
    for (const p of props) {
      const input = inputs.get(p.key)!;
      input.value = p.write(settings) ?? '';
      const hint = input.parentElement?.querySelector('.hint');
      if (hint) hint.textContent = p.allowed(settings);
    }
    linksHost.replaceChildren(
      ...q
        .links(settings, lab.catalog)
        .flatMap((l, i) => [i > 0 ? ' · ' : '', h('a', { href: `#${l.hash}` }, l.label)]),
    );
  };
  const clear = (): void => {
    shown?.dispose?.();
    shown = null;
    result.replaceChildren();
    conclusion.replaceChildren(
      h(
        'p',
        { class: 'gd-placeholder' },
        'Run the experiment to see the answer it gives at these settings.',
      ),
    );
  };

  /** Reads the form through the rows: bad entries keep their old value, with a notice. */
  const readForm = (): string[] => {
    const params = new URLSearchParams();
    for (const p of props) params.set(p.key, inputs.get(p.key)!.value.trim());
    const parsed = parseLink(params.toString(), props, OTHER_KEYS);
    settings = parsed.settings;
    return parsed.notices.map((n) => n.text.replace("The link's", 'The setting'));
  };
  const linkOf = (): string =>
    `mode=guide&${QUESTION_KEY}=${q.id}&${writeLink(settings, [], props)}`;

  const publish = (
    state: 'idle' | 'running' | 'done' | 'failed',
    extra: { numbers?: unknown; conclusion?: string[]; error?: string } = {},
  ): void =>
    publishGuide({ question: q.id, state, settings: linkOf(), ...extra }, lab.core.variant);

  const run = async (): Promise<void> => {
    if (running) return;
    const notices = readForm();
    onNotices(notices);
    fill();
    history.replaceState(null, '', `#${linkOf()}`);
    clear();
    running = true;
    button.disabled = true;
    cancel.hidden = false;
    status.textContent = 'Running…';
    publish('running');
    const t0 = performance.now();
    try {
      const r = await q.run(settings, lab);
      const seconds = (performance.now() - t0) / 1000;
      result.replaceChildren();
      shown = q.show(r, settings, result, lab);
      conclusion.replaceChildren(...shown.conclusion.map((t) => h('p', {}, t)));
      status.textContent = `Done in ${seconds.toFixed(1)} s (in this browser, ${lab.core.variant} build).`;
      publish('done', { numbers: shown.numbers, conclusion: shown.conclusion });
    } catch (err) {
      const cancelled = err instanceof Cancelled;
      const message = err instanceof Error ? err.message : String(err);
      status.textContent = cancelled ? 'Cancelled.' : `The experiment failed: ${message}`;
      publish('failed', { error: message });
    } finally {
      running = false;
      button.disabled = false;
      cancel.hidden = true;
    }
  };
  button.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => lab.cancel());
  for (const input of inputs.values())
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void run();
    });

  const load = (hashText: string): string[] => {
    const parsed = parseLink(hashText, props, OTHER_KEYS);
    settings = parsed.settings;
    fill();
    clear();
    publish('idle');
    return parsed.notices.map((n) => n.text);
  };
  onNotices(load(hash));

  return {
    element,
    load,
    dispose() {
      lab.cancel();
      shown?.dispose?.();
    },
  };
}
