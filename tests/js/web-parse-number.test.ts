// Strict number parsing for the alpha input and for links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNumber, parseFiniteNumber } from '../../web/src/state/parse-number.ts';

describe('parseFiniteNumber', () => {
  it('accepts ordinary decimals', () => {
    const cases: [string, number][] = [
      ['0.2', 0.2],
      ['  0.01 ', 0.01],
      ['-1', -1],
      ['+3', 3],
      ['.5', 0.5],
      ['5.', 5],
      ['2e-3', 0.002],
      ['1E2', 100],
      ['0,3', 0.3],
      ['1e308', 1e308],
    ];
    for (const [text, value] of cases) assert.equal(parseFiniteNumber(text), value, text);
  });

  it('rejects everything else', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '0x10',
      '0b1',
      '1_000',
      '1,000.5',
      '1,2,3',
      '1.2.3',
      '--1',
      'e5',
      '.',
      '1e',
      '0.2abc',
      '٣', // Arabic-Indic digit
      '1'.repeat(100),
      'constructor',
    ]) {
      assert.equal(parseFiniteNumber(text), null, JSON.stringify(text));
    }
  });

  it('never returns -0', () => {
    assert.ok(Object.is(parseFiniteNumber('-0'), 0));
    assert.ok(Object.is(parseFiniteNumber('-0.0e5'), 0));
  });
});

describe('formatNumber', () => {
  it('writes short exact decimals', () => {
    assert.equal(formatNumber(0.2), '0.2');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(1 / 3), String(1 / 3));
    assert.equal(parseFiniteNumber(formatNumber(1 / 3)), 1 / 3);
  });
});
