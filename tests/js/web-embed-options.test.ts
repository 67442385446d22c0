// The embed's URL flags and the snippets the Embed dialog writes, without a browser: hostile
// flags are bounded and named in notices, origins are exact, and every snippet value is escaped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMBED_LIMITS,
  parseEmbedOptions,
  parseOrigin,
  writeEmbedQuery,
} from '../../web/src/embed/embed-options.ts';
import {
  attributeName,
  elementSnippet,
  embedUrl,
  iframeSnippet,
  type EmbedChoice,
} from '../../web/src/embed/snippet.ts';
import { PLAYGROUND_PARTS } from '../../web/src/modes/playground/parts.ts';

const parse = (q: string) => parseEmbedOptions(q, PLAYGROUND_PARTS);

describe('embed options', () => {
  it('are off without embed=1', () => {
    assert.equal(parse(''), null);
    assert.equal(parse('?simd=0'), null);
    assert.equal(parse('?embed=0'), null);
    assert.notEqual(parse('?embed=1'), null);
  });

  it('hide named parts; a view hides the other views', () => {
    const o = parse('?embed=1&hide=settings,kind&view=network')!;
    assert.deepEqual(o.notices, []);
    assert.equal(o.view, 'network');
    const views = PLAYGROUND_PARTS.filter((p) => p.view === true).map((p) => p.name);
    for (const v of views) assert.equal(o.hidden.has(v), v !== 'network', v);
    assert.ok(o.hidden.has('settings') && o.hidden.has('kind'));
    assert.ok(!o.hidden.has('run') && !o.hidden.has('alpha'));
    assert.equal(o.autoplay, 'visible');
    assert.deepEqual(o.origins, []);
  });

  it('name what they did not use, and bound every list', () => {
    const many = Array.from({ length: 100 }, (_, i) => `x${i}`).join(',');
    const o = parse(`?embed=1&hide=settngs,${many}&view=everything&autoplay=always`)!;
    assert.equal(o.view, 'all');
    assert.equal(o.autoplay, 'visible');
    assert.equal(o.hidden.size, 0);
    assert.match(o.notices[0]!, /hide “settngs” is not a part of this page/);
    assert.ok(o.notices.some((n) => /view “everything”/.test(n)));
    assert.ok(o.notices.some((n) => /autoplay “always”/.test(n)));
    assert.ok(o.notices.some((n) => n.includes(`more than ${EMBED_LIMITS.listLength} parts`)));
    assert.ok(o.notices.length <= EMBED_LIMITS.listLength + 4);
  });

  it('take exact origins only, at most a few', () => {
    assert.equal(parseOrigin('https://blog.example'), 'https://blog.example');
    assert.equal(parseOrigin('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
    assert.equal(parseOrigin('null'), 'null');
    for (const bad of [
      'https://blog.example/',
      'https://blog.example/path',
      'javascript:alert(1)',
      'file:///etc',
      '*',
      'blog.example',
      'HTTPS://BLOG.EXAMPLE',
      `https://${'a'.repeat(300)}.example`,
    ])
      assert.equal(parseOrigin(bad), null, bad);
    const o = parse(
      '?embed=1&origin=https://a.example,https://b.example/x&origin=http://c.example:81',
    )!;
    assert.deepEqual(o.origins, ['https://a.example', 'http://c.example:81']);
    assert.equal(o.notices.length, 1);
    const list = Array.from({ length: 12 }, (_, i) => `https://h${i}.example`).join(',');
    assert.equal(parse(`?embed=1&origin=${list}`)!.origins.length, EMBED_LIMITS.origins);
  });

  it('write the query the parser reads back', () => {
    const q = writeEmbedQuery({
      hide: ['settings', 'more'],
      view: 'output',
      autoplay: 'click',
      origins: ['https://blog.example'],
    });
    assert.equal(
      q,
      'embed=1&hide=settings,more&view=output&autoplay=click&origin=https://blog.example',
    );
    const o = parse(`?${q}`)!;
    assert.deepEqual(o.notices, []);
    assert.equal(o.autoplay, 'click');
    assert.deepEqual(o.origins, ['https://blog.example']);
  });
});

describe('embed snippets', () => {
  const choice: EmbedChoice = {
    page: 'https://host.example/leaky-lab/',
    link: 'seed=1&kind=leaky_relu&alpha=0.2',
    hide: ['settings'],
    view: 'output',
    autoplay: 'visible',
    origins: [],
    width: 600,
    height: 400,
  };

  it('put the flags in the query and the settings in the hash', () => {
    assert.equal(
      embedUrl(choice),
      'https://host.example/leaky-lab/?embed=1&hide=settings&view=output#seed=1&kind=leaky_relu&alpha=0.2',
    );
  });

  it('escape every attribute value', () => {
    const hostile = { ...choice, link: 'a="><script>alert(1)</script>' };
    const frame = iframeSnippet(hostile);
    assert.ok(!frame.includes('<script>'));
    assert.match(frame, /&quot;&gt;&lt;script&gt;/);
    assert.match(frame, /width="600" height="400"/);
    const element = elementSnippet(hostile, { data: '"><b>' });
    assert.ok(!element.includes('"><b>'));
    assert.match(element, /data="&quot;&gt;&lt;b&gt;"/);
  });

  it('give the element its script beside the page and kebab-case attributes', () => {
    assert.equal(attributeName('dataSeed'), 'data-seed');
    assert.equal(attributeName('alpha'), 'alpha');
    const s = elementSnippet(choice, { dataSeed: '3', alpha: '0.2' });
    assert.equal(
      s,
      '<script src="https://host.example/leaky-lab/leaky-lab.js" defer></script>\n' +
        '<leaky-lab data-seed="3" alpha="0.2" hide="settings" view="output" loading="lazy"></leaky-lab>',
    );
  });
});
