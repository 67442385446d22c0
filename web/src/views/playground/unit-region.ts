// One hidden unit's pre-activation z over the input grid (from the core's unit maps): which
// cells it fires in (z > 0). Pure helpers shared by the data views and the network's
// thumbnails.
import type { UnitMaps } from '../../run/protocol';

/** A unit's slice of the maps. */
export interface UnitRegion {
  layer: number;
  unit: number;
  width: number;
  height: number;
  /** z per cell, row 0 at the top (2-D) or one row (1-D). */
  z: Float32Array;
}

/** The slice of `maps` for the `index`-th hidden unit overall (layer by layer). */
export function regionOf(
  maps: UnitMaps,
  index: number,
  layer: number,
  unit: number,
): UnitRegion | null {
  const cells = maps.width * maps.height;
  const start = index * cells;
  if (start < 0 || start + cells > maps.values.length) return null;
  return {
    layer,
    unit,
    width: maps.width,
    height: maps.height,
    z: maps.values.subarray(start, start + cells),
  };
}

/** The share of cells where the unit fires. */
export function firingShare(r: UnitRegion): number {
  let n = 0;
  for (const z of r.z) if (z > 0) n += 1;
  return r.z.length === 0 ? 0 : n / r.z.length;
}

/**
 * RGBA pixels of the region as a mask: transparent where the unit fires, `shade` where it
 * does not (so the data view shows through where the unit is alive).
 */
export function regionMask(
  r: UnitRegion,
  shade: [number, number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(new ArrayBuffer(r.z.length * 4));
  for (let i = 0; i < r.z.length; i++) {
    if (r.z[i]! > 0) continue;
    px.set(shade, i * 4);
  }
  return px;
}
