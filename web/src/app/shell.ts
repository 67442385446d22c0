// The page's frame: the header (name, modes, the core's build, light or dark), page-level
// notices, and the mode in the main area. It loads the core once and hands it to the mode.
import { h } from '../dom';
import { MODE_KEY, MODES, modeOf, type ModeHandle } from './modes';
import { installTestHook } from '../test-hook';
import { Notices } from '../views/notices';
import { VariantBadge } from '../views/variant-badge';
import { chooseVariant } from '../wasm/choose-variant';
import { loadCore, type LoadedCore } from '../wasm/load-core';
import { simdSupported } from '../wasm/simd-probe';
import { ThemeToggle } from './theme';
import './shell.css';

export async function startApp(root: HTMLElement): Promise<void> {
  installTestHook();
  const theme = new ThemeToggle();
  const badgeHost = h('div', { class: 'variant', 'aria-live': 'polite' });
  const noticesHost = h('div', {
    class: 'notices',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
  });
  const main = h('main', { id: 'main', class: 'main' });
  const nav = h(
    'nav',
    { class: 'modes', 'aria-label': 'Modes' },
    ...MODES.map((m) =>
      h('a', { href: `#${MODE_KEY}=${m.name}`, 'data-mode': m.name, title: m.title }, m.label),
    ),
  );
  const footer = h(
    'footer',
    { class: 'site-footer' },
    h(
      'p',
      {},
      'Every number on this page is computed by the C++ core compiled to WebAssembly (',
      h('span', { id: 'core-version' }, 'core loading'),
      '); training runs in a worker, and the page only draws. The page carries everything it needs: it works offline and makes no network requests.',
    ),
  );
  root.replaceChildren(
    h(
      'header',
      { class: 'site-header' },
      h(
        'div',
        { class: 'brand' },
        h('h1', {}, 'Leaky Lab'),
        h(
          'p',
          { class: 'tagline' },
          'What does the slope α of Leaky ReLU do? Train a network and watch its units.',
        ),
      ),
      nav,
      h('div', { class: 'header-tools' }, badgeHost, theme.element),
    ),
    noticesHost,
    main,
    footer,
  );
  const notices = new Notices(noticesHost);
  const badge = new VariantBadge(badgeHost);
  const choice = chooseVariant(location.search, simdSupported());
  badge.loading(choice);

  let core: LoadedCore;
  try {
    core = await loadCore(choice.variant);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    badge.failed(message);
    notices.show(
      [`The WebAssembly core could not be loaded, so nothing can run: ${message}`],
      'error',
    );
    return;
  }
  badge.show(core, choice);
  const version = document.getElementById('core-version');
  if (version) version.textContent = `core ${core.info.version}, ${core.variant} build`;
  let running: { name: string; handle: ModeHandle } | null = null;
  const route = (): void => {
    const { entry, unknown } = modeOf(location.hash);
    for (const a of nav.querySelectorAll('a'))
      a.toggleAttribute('aria-current', a.dataset['mode'] === entry.name);
    if (running?.name === entry.name) return; // the mode reads the rest of the link itself
    running?.handle.dispose();
    running = null;
    try {
      running = { name: entry.name, handle: entry.start(core, core.catalog, main, notices) };
      if (unknown !== null)
        notices.show([
          `The link's mode “${unknown.slice(0, 40)}” does not exist (modes: ${MODES.map((m) => m.name).join(', ')}); showing the ${entry.label.toLowerCase()}.`,
        ]);
    } catch (err) {
      notices.show(
        [`The page failed to start: ${err instanceof Error ? err.message : String(err)}`],
        'error',
      );
    }
  };
  window.addEventListener('hashchange', route);
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) running?.handle.dispose();
  });
  route();
}
