// The SIMD build really contains SIMD instructions and the scalar build none (wasm2wat lists
// the instructions), and the two browser variants share one JS glue, which is what lets the
// page carry a single copy of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wasmDist } from './support/paths.ts';

function wat(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'leaky-wasm-')), 'module.wasm');
  writeFileSync(file, bytes);
  return execFileSync('wasm2wat', ['--enable-all', file], { maxBuffer: 1 << 28 }).toString();
}

/** The wasm embedded (SINGLE_FILE, base64) in a glue. */
function embedded(glue: string): Buffer {
  const js = readFileSync(path.join(wasmDist, glue), 'utf8');
  const match = js.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/);
  assert.ok(match, `${glue} embeds its wasm`);
  return Buffer.from(match[1]!, 'base64');
}

const simdOp = /\b(v128\.\w+|f32x4\.\w+|i32x4\.\w+|i8x16\.\w+|i16x8\.\w+|i64x2\.\w+|f64x2\.\w+)/g;

test('leaky_simd.wasm uses f32x4 arithmetic', () => {
  const ops = wat(readFileSync(path.join(wasmDist, 'leaky_simd.wasm'))).match(simdOp) ?? [];
  const counts = new Set(ops);
  assert.ok(ops.length > 100, `expected many SIMD instructions, found ${ops.length}`);
  for (const op of ['f32x4.mul', 'f32x4.add', 'v128.bitselect'])
    assert.ok(counts.has(op), `has ${op}`);
});

test('leaky_scalar.wasm contains no SIMD instruction at all', () => {
  const ops = wat(readFileSync(path.join(wasmDist, 'leaky_scalar.wasm'))).match(simdOp) ?? [];
  assert.deepEqual(ops, []);
});

test('the two browser variants have the same glue, but for the wasm file’s name', () => {
  const glue = (name: string): string =>
    readFileSync(path.join(wasmDist, `${name}.mjs`), 'utf8').replaceAll(`${name}.wasm`, 'X.wasm');
  assert.equal(glue('leaky_simd'), glue('leaky_scalar'));
});

test('leaky_node.cjs (used by the JS tests) is the SIMD build', () => {
  assert.ok((wat(embedded('leaky_node.cjs')).match(simdOp) ?? []).length > 100);
});
