// How many headless workers a page starts: one core is left to the page itself.

/**
 * Workers for a browser with `cores` logical cores (navigator.hardwareConcurrency; unknown:
 * 2): cores − 1, at least 1, at most `max`.
 */
export function poolSize(cores: number | undefined, max = Infinity): number {
  return Math.max(1, Math.min(max, Math.floor(cores ?? 2) - 1));
}
