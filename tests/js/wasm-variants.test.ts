// The SIMD build really contains SIMD instructions, and the scalar build none: the wasm is
// embedded (SINGLE_FILE) as base64 in the glue; wasm2wat lists the instructions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wasmDist } from './support/paths.ts';

function instructions(glue: string): string {
  const js = readFileSync(path.join(wasmDist, glue), 'utf8');
  const match = js.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/);
  assert.ok(match, `${glue} embeds its wasm`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'leaky-wasm-')), 'module.wasm');
  writeFileSync(file, Buffer.from(match[1], 'base64'));
  return execFileSync('wasm2wat', ['--enable-all', file], { maxBuffer: 1 << 28 }).toString();
}

const simdOp = /\b(v128\.\w+|f32x4\.\w+|i32x4\.\w+|i8x16\.\w+|i16x8\.\w+|i64x2\.\w+|f64x2\.\w+)/g;

test('leaky_simd.mjs uses f32x4 arithmetic', () => {
  const ops = instructions('leaky_simd.mjs').match(simdOp) ?? [];
  const counts = new Set(ops);
  assert.ok(ops.length > 100, `expected many SIMD instructions, found ${ops.length}`);
  for (const op of ['f32x4.mul', 'f32x4.add', 'v128.bitselect'])
    assert.ok(counts.has(op), `has ${op}`);
});

test('leaky_scalar.mjs contains no SIMD instruction at all', () => {
  const ops = instructions('leaky_scalar.mjs').match(simdOp) ?? [];
  assert.deepEqual(ops, []);
});

test('leaky_node.cjs (used by the JS tests) is the SIMD build', () => {
  assert.ok((instructions('leaky_node.cjs').match(simdOp) ?? []).length > 100);
});
