// Which build of the core to load: SIMD when the browser supports it, unless the query says no.

export type Variant = 'simd' | 'scalar';

export interface VariantChoice {
  variant: Variant;
  /** Why this variant was chosen, in plain words (shown next to the badge). */
  reason: string;
}

/**
 * `?simd=0` (or `false`/`off`/`no`) forces the scalar build; otherwise SIMD is used when supported.
 * @param search the page's query string, e.g. `location.search`
 */
export function chooseVariant(search: string, simdOk: boolean): VariantChoice {
  const flag = new URLSearchParams(search).get('simd');
  const forcedOff =
    flag !== null && ['0', 'false', 'off', 'no'].includes(flag.trim().toLowerCase());
  if (forcedOff) return { variant: 'scalar', reason: 'forced by ?simd=0' };
  if (!simdOk) return { variant: 'scalar', reason: 'this browser has no WebAssembly SIMD' };
  return { variant: 'simd', reason: 'this browser supports WebAssembly SIMD' };
}
