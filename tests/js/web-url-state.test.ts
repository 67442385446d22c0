// URL-hash state: round trips, defaults, and hostile links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultState,
  describeNotice,
  parseHash,
  serializeHash,
} from '../../web/src/state/url-state.ts';
import { parseActivationKinds } from '../../web/src/wasm/build-info.ts';
import { CATALOG } from './support/kinds.ts';

// The core's own catalog.
const kinds = parseActivationKinds(JSON.stringify(CATALOG));
// RReLU's default bounds, as the core states them (float32).
const rrelu = kinds.find((k) => k.name === 'rrelu')!;
const LOWER = rrelu.defaultLower;
const UPPER = rrelu.defaultUpper;

describe('url-state', () => {
  it('defaults to Leaky ReLU with PyTorch’s 0.01', () => {
    for (const hash of ['', '#', '#nothing=here']) {
      const { state, notices } = parseHash(hash, kinds);
      assert.deepEqual(state, { kind: 'leaky_relu', alpha: 0.01, lower: LOWER, upper: UPPER });
      assert.deepEqual(notices, []);
    }
  });

  it('reads kind and alpha', () => {
    assert.deepEqual(parseHash('#kind=leaky_relu&alpha=0.2', kinds).state.alpha, 0.2);
    assert.deepEqual(parseHash('kind=elu', kinds).state, { ...defaultState(kinds, 'elu') });
    assert.equal(parseHash('#kind=elu', kinds).state.alpha, 1);
    assert.equal(parseHash('#kind=prelu&alpha=-0.5', kinds).state.alpha, -0.5);
    assert.equal(parseHash('#alpha=3', kinds).state.alpha, 3); // allowed, flagged in the UI
  });

  it('round-trips through serializeHash', () => {
    for (const state of [
      { kind: 'leaky_relu', alpha: 0.18, lower: LOWER, upper: UPPER },
      { kind: 'elu', alpha: -2.5e-7, lower: LOWER, upper: UPPER },
      { kind: 'rrelu', alpha: 0.01, lower: 0.1, upper: 0.4 },
      { kind: 'relu', alpha: 0, lower: LOWER, upper: UPPER },
    ]) {
      const again = parseHash(`#${serializeHash(state, kinds)}`, kinds);
      assert.deepEqual(again.notices, []);
      const expected = defaultState(kinds, state.kind);
      if (state.kind === 'leaky_relu' || state.kind === 'elu') expected.alpha = state.alpha;
      if (state.kind === 'rrelu')
        Object.assign(expected, { lower: state.lower, upper: state.upper });
      assert.deepEqual(again.state, expected);
    }
  });

  it('writes only the parameters the kind uses', () => {
    assert.equal(
      serializeHash({ kind: 'relu', alpha: 0.3, lower: 0, upper: 1 }, kinds),
      'kind=relu',
    );
    assert.equal(
      serializeHash({ kind: 'leaky_relu', alpha: 0.2, lower: 0, upper: 1 }, kinds),
      'kind=leaky_relu&alpha=0.2',
    );
  });

  it('falls back to the default alpha with a notice naming the field and the range', () => {
    for (const bad of ['abc', '', 'NaN', 'Infinity', '1e999', '0x1', '%00', '1;alert(1)']) {
      const { state, notices } = parseHash(
        `#kind=leaky_relu&alpha=${encodeURIComponent(bad)}`,
        kinds,
      );
      assert.equal(state.alpha, 0.01, bad);
      assert.equal(notices.length, 1, bad);
      assert.equal(notices[0]?.field, 'alpha');
      const text = describeNotice(notices[0]!);
      assert.match(text, /alpha/);
      assert.match(text, /finite number/);
      assert.match(text, /0 ≤ α < 1/);
    }
  });

  it('rejects unknown or hostile kinds and lists the allowed ones', () => {
    for (const bad of [
      'bogus',
      '__proto__',
      'constructor',
      'toString',
      '<img src=x onerror=alert(1)>',
      'LEAKY_RELU',
    ]) {
      const { state, notices } = parseHash(`#kind=${encodeURIComponent(bad)}&alpha=0.3`, kinds);
      assert.equal(state.kind, 'leaky_relu', bad);
      assert.equal(state.alpha, 0.3, 'a valid alpha still applies to the default kind');
      assert.equal(notices[0]?.field, 'kind');
      assert.match(describeNotice(notices[0]!), /leaky_relu/);
    }
  });

  it('shortens very long values in notices', () => {
    const { notices } = parseHash(`#alpha=${'x'.repeat(10_000)}`, kinds);
    assert.ok((notices[0]?.value.length ?? 0) <= 41);
  });

  it('survives malformed percent-encoding and duplicate keys', () => {
    assert.equal(parseHash('#alpha=%E0%A4%A', kinds).notices[0]?.field, 'alpha');
    assert.equal(parseHash('#alpha=0.2&alpha=0.3', kinds).state.alpha, 0.2);
  });

  it('ignores alpha for kinds without one', () => {
    const { state, notices } = parseHash('#kind=relu&alpha=abc', kinds);
    assert.equal(state.kind, 'relu');
    assert.deepEqual(notices, []);
  });

  it('reads RReLU bounds (their order is for the core to judge)', () => {
    assert.deepEqual(parseHash('#kind=rrelu&lower=0.1&upper=0.2', kinds).state, {
      kind: 'rrelu',
      alpha: 0,
      lower: 0.1,
      upper: 0.2,
    });
    assert.equal(parseHash('#kind=rrelu&lower=0.5&upper=0.2', kinds).state.lower, 0.5);
    const bad = parseHash('#kind=rrelu&upper=oops', kinds);
    assert.equal(bad.notices[0]?.field, 'upper');
    assert.match(describeNotice(bad.notices[0]!), /upper must be a finite number/);
    assert.equal(bad.state.upper, UPPER);
  });

  it('words core problems as notices too', () => {
    const text = describeNotice({
      field: 'upper',
      value: '0.2',
      message: 'upper must be >= lower (0.5)',
    });
    assert.equal(
      text,
      "The link's upper value “0.2” was ignored: upper must be >= lower (0.5). Using the default instead.",
    );
  });
});
