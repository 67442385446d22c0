// One colour per run of a comparison, from the Okabe-Ito palette (safe for colour-blind
// readers; the same one the other views use), readable on the light and the dark page.
export const RUN_COLOURS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length]!;
}
