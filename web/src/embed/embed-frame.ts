// The page's frame as an embed: the mode alone, the notices about the embed's own flags, and a
// foot with the core's build and a link to the full page (the run's settings, no flags).
import { h } from '../dom';
import { Notices } from '../views/notices';
import type { EmbedOptions } from './embed-options';
import './embed.css';

export function embedFrame(
  root: HTMLElement,
  embed: EmbedOptions,
  notices: HTMLElement,
  main: HTMLElement,
  badge: HTMLElement,
): HTMLElement[] {
  root.dataset['embed'] = '';
  document.documentElement.dataset['embed'] = '';
  if (embed.view !== 'all') root.dataset['embedView'] = embed.view;
  const full = h('a', { class: 'embed-credit', target: '_blank', rel: 'noopener' }, 'Leaky Lab ↗');
  const update = (): void => {
    full.href = `${location.href.split(/[?#]/)[0]}${location.hash}`;
  };
  full.addEventListener('click', update);
  full.addEventListener('focus', update);
  update();
  const flagNotices = h('div', { class: 'notices', role: 'status', hidden: true });
  new Notices(flagNotices).show(embed.notices);
  return [flagNotices, notices, main, h('div', { class: 'embed-foot' }, badge, full)];
}
