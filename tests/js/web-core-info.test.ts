// Parsing the core's self-description, choosing the variant, the z grid, and the alpha notes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alphaNote } from '../../web/src/text/alpha-notes.ts';
import { formatValue } from '../../web/src/text/format.ts';
import { parseActivationKinds, parseBuildInfo } from '../../web/src/wasm/build-info.ts';
import { chooseVariant } from '../../web/src/wasm/choose-variant.ts';
import { simdSupported } from '../../web/src/wasm/simd-probe.ts';
import { zGrid } from '../../web/src/z-grid.ts';

describe('build info', () => {
  it('parses buildInfo()', () => {
    assert.deepEqual(parseBuildInfo('{"variant":"simd","arch":"wasm","version":"0.1.0"}'), {
      variant: 'simd',
      arch: 'wasm',
      version: '0.1.0',
    });
    assert.throws(() => parseBuildInfo('[]'));
    assert.throws(() => parseBuildInfo('{"variant":1,"arch":"wasm","version":"0.1.0"}'));
  });

  it("parses the catalog's activations and fills RReLU defaults", () => {
    const [leaky, rrelu] = parseActivationKinds(
      '{"activations":[{"name":"leaky_relu","label":"Leaky ReLU","alpha":true,"default_alpha":0.01,"lower_upper":false},' +
        '{"name":"rrelu","label":"RReLU","alpha":false,"default_alpha":0,"lower_upper":true}]}',
    );
    assert.equal(leaky?.alpha, true);
    assert.equal(leaky?.defaultAlpha, 0.01);
    assert.equal(rrelu?.lowerUpper, true);
    assert.equal(rrelu?.defaultLower, 0.125);
    assert.equal(rrelu?.defaultUpper, 1 / 3);
    assert.throws(() => parseActivationKinds('{"activations":[]}'));
    assert.throws(() => parseActivationKinds('[{"name":"relu"}]'));
    assert.throws(() => parseActivationKinds('{"activations":[{"name":"<b>"}]}'));
  });
});

describe('variant choice', () => {
  it('uses SIMD when supported unless ?simd=0', () => {
    assert.equal(chooseVariant('', true).variant, 'simd');
    assert.equal(chooseVariant('?simd=1', true).variant, 'simd');
    assert.equal(chooseVariant('?simd=0', true).variant, 'scalar');
    assert.equal(chooseVariant('?x=1&simd=false', true).variant, 'scalar');
    assert.equal(chooseVariant('', false).variant, 'scalar');
    assert.equal(chooseVariant('?simd=1', false).variant, 'scalar');
  });

  it('probes SIMD with WebAssembly.validate', () => {
    // Node 20's V8 supports wasm SIMD.
    assert.equal(simdSupported(), true);
    assert.equal(simdSupported(undefined), true); // default argument: the global WebAssembly
    assert.equal(simdSupported({ validate: () => false }), false);
    assert.equal(
      simdSupported({
        validate: () => {
          throw new Error('no');
        },
      }),
      false,
    );
  });
});

describe('z grid', () => {
  it('covers [-5, 5] in steps of 0.01 with exact round values', () => {
    const z = zGrid();
    assert.equal(z.length, 1001);
    assert.equal(z[0], -5);
    assert.equal(z[1000], 5);
    for (const v of [-2, -1, 0, 1, 1.5, 2]) assert.ok(z.includes(v), `${v} present`);
    for (let i = 1; i < z.length; i++) assert.ok(z[i]! > z[i - 1]!);
  });
});

describe('alpha notes', () => {
  it('flags Leaky ReLU alpha outside [0, 1)', () => {
    assert.equal(alphaNote('leaky_relu', 0.01), null);
    assert.equal(alphaNote('leaky_relu', 0.99), null);
    assert.match(alphaNote('leaky_relu', 1.5)?.text ?? '', /steeper/);
    assert.match(alphaNote('leaky_relu', -0.1)?.text ?? '', /monotone/);
    assert.equal(alphaNote('leaky_relu', 1)?.level, 'warning');
    assert.equal(alphaNote('prelu', 2)?.level, 'warning');
    assert.equal(alphaNote('leaky_relu', 0)?.level, 'info');
  });

  it('knows ELU’s alpha is a scale, not a slope', () => {
    assert.equal(alphaNote('elu', 1), null);
    assert.equal(alphaNote('elu', 3), null);
    assert.match(alphaNote('elu', -1)?.text ?? '', /monotone/);
    assert.equal(alphaNote('relu', 5), null);
  });
});

describe('formatValue', () => {
  it('shows float32 results briefly', () => {
    assert.equal(formatValue(Math.fround(-0.4)), '−0.4');
    assert.equal(formatValue(Math.fround(0.2)), '0.2');
    assert.equal(formatValue(-0), '0');
    assert.equal(formatValue(1.5), '1.5');
    assert.equal(formatValue(-Infinity), '−∞');
    assert.equal(formatValue(NaN), 'NaN');
  });
});
