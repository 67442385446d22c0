// The page's frame: the header (name, modes, share tools, the core's build, light or dark),
// page-level notices, and the mode in the main area. It loads the core once and hands it to
// the mode. As an embed (`?embed=1`) it shows the mode alone, with a link to the full page.
import { h } from '../dom';
import { EmbedController } from '../embed/embed-mode';
import { embedFrame } from '../embed/embed-frame';
import { parseEmbedOptions } from '../embed/embed-options';
import { registerOffline } from '../offline/register';
import { warmRunWorker } from '../run/worker-factory';
import { ShareTools } from '../share/share-tools';
import { MODE_KEY, MODES, modeOf, type ModeEntry, type ModeHandle } from './modes';
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
  const embed = parseEmbedOptions(location.search, modeOf(location.hash).entry.parts);
  if (embed === null) registerOffline();
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
  const notices = new Notices(noticesHost);
  const share = new ShareTools(main, notices);
  const header = h(
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
  );
  share.mount(header.querySelector('.header-tools') ?? header, footer);
  if (embed === null) root.replaceChildren(header, noticesHost, main, footer);
  else root.replaceChildren(...embedFrame(root, embed, noticesHost, main, badgeHost));
  // Listening from the start: a host's first message may come before the core has loaded.
  let coreVersion = '';
  const embedded = embed === null ? null : new EmbedController(embed, root, () => coreVersion);
  const badge = new VariantBadge(badgeHost);
  const choice = chooseVariant(location.search, simdSupported());
  badge.loading(choice);
  warmRunWorker(); // its code loads while the core compiles

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
  coreVersion = core.info.version;
  const version = document.getElementById('core-version');
  if (version) version.textContent = `core ${core.info.version}, ${core.variant} build`;
  let running: { name: string; handle: ModeHandle } | null = null;
  const started = (entry: ModeEntry, handle: ModeHandle): void => {
    if (embedded !== null) embedded.attach(handle, main);
    else share.attach(entry, handle, core);
  };
  let routes = 0; // a newer route wins over one still loading its mode's code
  const route = async (): Promise<void> => {
    const ticket = ++routes;
    const { entry, unknown } = modeOf(location.hash);
    for (const a of nav.querySelectorAll('a'))
      a.toggleAttribute('aria-current', a.dataset['mode'] === entry.name);
    if (running?.name === entry.name) return; // the mode reads the rest of the link itself
    embedded?.detach();
    share.detach();
    running?.handle.dispose();
    running = null;
    try {
      const start = await entry.load();
      if (ticket !== routes) return;
      const handle = start(core, core.catalog, main, notices, {
        startPaused: embed !== null,
      });
      running = { name: entry.name, handle };
      started(entry, handle);
      if (unknown !== null)
        notices.show([
          `The link's mode “${unknown.slice(0, 40)}” does not exist (modes: ${MODES.map((m) => m.name).join(', ')}); showing the ${entry.label.toLowerCase()}.`,
        ]);
    } catch (err) {
      if (ticket !== routes) return; // a newer route has taken over
      notices.show(
        [`The page failed to start: ${err instanceof Error ? err.message : String(err)}`],
        'error',
      );
    }
  };
  window.addEventListener('hashchange', () => void route());
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) running?.handle.dispose();
  });
  void route();
}
