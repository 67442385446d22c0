// The page's Content-Security-Policy (a Vite plugin), the one home of both policies.
//   site (dist/index.html): scripts, styles, the worker and the wasm are files of the site
//     itself, so 'self' covers them; 'wasm-unsafe-eval' lets WebAssembly compile.
//   single file (dist/leaky-lab.html): everything is inline, so each inline <script> and
//     <style> is allowed by its sha256 hash, computed after inlining; the run's worker is a
//     blob: URL made from inline code.
// Neither allows 'unsafe-inline' or 'unsafe-eval'. A <meta> policy cannot set frame-ancestors:
// the README lists the headers a host should send.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** Written into index.html's CSP <meta>, replaced by this plugin. */
const PLACEHOLDER = '%LEAKY_CSP%';

const COMMON = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"];

export const SITE_CSP = [
  ...COMMON,
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

export function singleFileCsp(scriptHashes: readonly string[], styleHashes: readonly string[]) {
  const list = (hashes: readonly string[]): string => hashes.map((x) => `'${x}'`).join(' ');
  return [
    ...COMMON,
    `script-src ${list(scriptHashes)} 'wasm-unsafe-eval'`,
    `style-src ${list(styleHashes)}`,
    'img-src data:',
    'worker-src blob:',
  ].join('; ');
}

const sha256 = (text: string): string =>
  `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The hashes of every inline `<tag>` body in `html`. */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...new Set([...html.matchAll(re)].map((m) => sha256(m[1] ?? '')))];
}

/**
 * `site`: the policy above. `single`: hashes of the inlined code, once the page is written
 * (vite-plugin-singlefile inlines while the bundle is generated; this runs after it); the
 * page is then written as `copyTo`.
 */
export function csp(kind: 'site' | 'single', copyTo?: string): Plugin {
  return {
    name: 'leaky-csp',
    enforce: 'post',
    transformIndexHtml(html) {
      if (!html.includes(PLACEHOLDER)) throw new Error(`index.html lacks the ${PLACEHOLDER} meta`);
      return kind === 'site' ? html.replace(PLACEHOLDER, SITE_CSP) : html;
    },
    writeBundle(options) {
      if (kind !== 'single') return;
      const file = join(options.dir ?? '.', 'index.html');
      const html = readFileSync(file, 'utf8');
      // Tags outside the inline code (which may well mention a script tag in a string).
      const tags = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
      if (/<script\b[^>]*\bsrc=|<link\b[^>]*\bstylesheet/.test(tags))
        throw new Error('a script or a stylesheet was left un-inlined');
      const policy = singleFileCsp(inlineHashes(html, 'script'), inlineHashes(html, 'style'));
      writeFileSync(copyTo ?? file, html.replace(PLACEHOLDER, policy));
    },
  };
}
