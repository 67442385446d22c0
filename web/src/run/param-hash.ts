// A fingerprint of a run's weights and biases, PReLU's slopes left out (they start at each
// run's own α): equal fingerprints mean the runs of a comparison start from the same draw.
import type { Layout } from './protocol';

/** FNV-1a (32 bits) over the bytes of every layer's W, then its biases, as 8 hex digits. */
export function weightsHash(layout: Layout, params: Float32Array): string {
  const bytes = new Uint8Array(params.buffer, params.byteOffset, params.byteLength);
  let h = 0x811c9dc5;
  const add = (first: number, count: number): void => {
    const end = Math.min(bytes.length, (first + count) * 4);
    for (let i = first * 4; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  };
  for (const l of layout.layers) {
    add(l.w, l.in * l.out);
    add(l.b, l.out);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
