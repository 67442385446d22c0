// dist/leaky-lab.js: one classic script for a host page. It defines <leaky-lab> and
// window.LeakyLab (connect an iframe, or make an embed's URL); both reach the embed page that
// sits beside this script, wherever the site is hosted.
import type { EmbedFlags, LeakyLabGlobal } from '../api-types';
import { embedUrl } from '../snippet';
import { connect } from './connect';
import { defineElement } from './element';

const script = document.currentScript as HTMLScriptElement | null;
const page = new URL('index.html', script?.src ?? location.href).href;

defineElement(page);

const api: LeakyLabGlobal = {
  connect,
  embedUrl: (settings: Record<string, string>, flags: EmbedFlags = {}) =>
    embedUrl({
      page,
      link: new URLSearchParams(settings).toString(),
      hide: flags.hide ?? [],
      view: flags.view ?? 'all',
      autoplay: flags.autoplay ?? 'visible',
      origins: flags.origins ?? [],
    }),
};
window.LeakyLab = api;
