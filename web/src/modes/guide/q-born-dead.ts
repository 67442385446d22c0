// Born dead: the chance that a deep, narrow ReLU network is a constant function at
// initialization, over a grid of depths and widths, under He initialization with zero biases
// and under the randomized asymmetric initialization (RAI) of Lu, Shin, Su and Karniadakis.
import { h } from '../../dom';
import type { GridResult } from '../../run/lab-protocol';
import { choiceProp, numberProp } from '../../state/properties';
import { formatCount, formatPercent } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import { fieldRange, narrow } from '../../wasm/catalog';
import { modeLink } from './configs';
import { listProp } from './props';
import type { Question } from './question';
import { rows } from './rows';

interface S {
  depths: number[];
  widths: number[];
  seeds: number;
  seed: number;
  kind: string;
}

export interface GridCell {
  depth: number;
  width: number;
  networks: number;
  collapsed: number;
  born_dead: number;
  units: number;
  bounds?: { low: number; high: number };
}

export interface BornDeadResult {
  he: GridCell[];
  rai: GridCell[];
  ms: { he: number; rai: number };
}

/** The inputs: 1-D, uniform on [−1, 1], fixed data (data.seed), as Lu et al.'s example. */
export function gridConfig(s: S, weights: string): Record<string, unknown> {
  return {
    version: 1,
    seed: s.seed,
    data: { kind: 'abs', points: 100, seed: 5, input_min: -1, input_max: 1 },
    network: { activation: s.kind, ...(s.kind === 'leaky_relu' ? { alpha: 0 } : {}), hidden: [2] },
    init: { weights, bias: 'zero' },
  };
}

function parseGrid(r: GridResult): GridCell[] {
  const v = JSON.parse(r.json) as {
    cells?: GridCell[];
    problems?: { field: string; value: string; message: string }[];
  };
  if (v.cells === undefined)
    throw new Error(
      (v.problems ?? []).map((p) => `${p.field} = ${p.value}: ${p.message}`).join('; ') || r.json,
    );
  return v.cells;
}

/** One standard error of a fraction measured over n networks. */
const stderr = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / n);

export const bornDeadQuestion: Question<S, BornDeadResult> = {
  id: 'born-dead',
  title: 'Born dead',
  question:
    'How likely is a deep, narrow ReLU network to be dead before it has seen a single training step?',
  context: [
    'Lu, Shin, Su and Karniadakis (“Dying ReLU and Initialization: Theory and Numerical Examples”, 2020) prove that a deep ReLU network initialized from symmetric distributions dies in probability as its depth grows: some layer outputs zero for every input, the network is a constant function, and gradient training cannot change that.',
    'Their proposed fix, the randomized asymmetric initialization (RAI), draws for every unit one of its weights or its bias from Beta(2, 1) and the rest from N(0, 0.6007²/fan_in), so most units start active on some inputs.',
    'Here every cell of the grid draws one network per seed (He normal weights, zero biases; then RAI) on inputs uniform on [−1, 1], and counts the networks with some hidden layer inactive on every input: collapsed, a constant function. For He with zero biases the chance is known in closed form within bounds: with p = 1 − (1 − 2^−width)^depth, it lies in [max(0, 2p − 1), p] (derived in the project’s docs, docs/definitions.md, “Born dead at initialization”).',
  ],
  look: 'How fast the collapsed share grows with depth at width 2 and 3, whether the measured share sits inside the closed-form bounds (within about two standard errors), and how much RAI lowers it. The time under the grid is this browser’s.',
  duration: 'one to five seconds',
  props(catalog) {
    const r = rows<S>(catalog);
    const depth = narrow(fieldRange(catalog, 'network.hidden'), 1, 32);
    const width = narrow(fieldRange(catalog, 'network.hidden[].units'), 1, 64);
    return [
      listProp<S>(
        'depths',
        'depths',
        depth,
        Array.from({ length: 19 }, (_, i) => i + 2),
        32,
      ),
      listProp<S>('widths', 'widths', width, [2, 3, 4, 5, 10], 8),
      numberProp<S>('seeds', 'seeds', narrow(fieldRange(catalog, 'seed'), 1, 10000), 1000),
      r.seed(1),
      choiceProp<S>('kind', 'kind', () => ['relu', 'leaky_relu'], 'relu'),
    ];
  },
  links(s) {
    const w = s.widths[0] ?? 2;
    // The playground draws at most 6 layers.
    const d = Math.min(6, s.depths[s.depths.length - 1] ?? 6);
    return [
      {
        label: `Open a ${d}-layer, width-${w} network in the Playground (first seed)`,
        hash: modeLink('playground', {
          seed: s.seed,
          dataSeed: 5,
          data: 'abs',
          points: 100,
          hidden: Array(d).fill(w).join(','),
          kind: 'relu',
          init: 'he_normal',
          bias: 'zero',
        }),
      },
    ];
  },
  async run(s, lab) {
    const request = (weights: string) =>
      JSON.stringify({
        config: gridConfig(s, weights),
        depths: s.depths,
        widths: s.widths,
        seeds: s.seeds,
      });
    lab.progress(0, 2, 'grids');
    const [he, rai] = (await lab.pool.run(
      [
        { type: 'initGrid', request: request('he_normal') },
        { type: 'initGrid', request: request('rai') },
      ],
      (d, t) => lab.progress(d, t, 'grids'),
    )) as GridResult[];
    return { he: parseGrid(he!), rai: parseGrid(rai!), ms: { he: he!.ms, rai: rai!.ms } };
  },
  show(result, s, host) {
    const at = (cells: GridCell[], d: number, w: number) =>
      cells.find((c) => c.depth === d && c.width === w);
    const share = (c: GridCell | undefined) => (c === undefined ? NaN : c.collapsed / c.networks);
    const outside: string[] = [];
    const table = dataTable(
      `Collapsed networks at initialization: He normal, zero biases (bounds) | RAI; ${formatCount(s.seeds)} seeds per cell from seed ${s.seed}`,
      ['depth', ...s.widths.map((w) => `width ${w}`)],
      s.depths.map((d) => [
        String(d),
        ...s.widths.map((w) => {
          const he = at(result.he, d, w);
          const rai = at(result.rai, d, w);
          const p = share(he);
          let bounds = '';
          if (he?.bounds !== undefined) {
            const slack = 2 * Math.max(stderr(p, he.networks), 1 / he.networks);
            if (p < he.bounds.low - slack || p > he.bounds.high + slack)
              outside.push(`depth ${d}, width ${w}`);
            bounds = ` [${formatPercent(he.bounds.low)}, ${formatPercent(he.bounds.high)}]`;
          }
          return h(
            'span',
            { class: 'gd-cell' },
            h('strong', {}, formatPercent(p)),
            h('span', { class: 'gd-bounds' }, bounds),
            h('span', { class: 'gd-rai' }, ` | ${formatPercent(share(rai))}`),
          );
        }),
      ]),
    );
    const time = h(
      'p',
      { class: 'gd-time' },
      `In this browser the He grid took ${Math.round(result.ms.he)} ms and the RAI grid ${Math.round(result.ms.rai)} ms (${formatCount(s.depths.length * s.widths.length)} cells of ${formatCount(s.seeds)} networks each; one network per width and seed answers every depth).`,
    );
    host.append(table, time);
    const conclusion: string[] = [];
    const w0 = s.widths[0]!;
    const dMax = Math.max(...s.depths);
    const dMin = Math.min(...s.depths);
    conclusion.push(
      `At width ${w0}, ${formatPercent(share(at(result.he, dMin, w0)))} of He-initialized networks were collapsed at depth ${dMin} and ${formatPercent(share(at(result.he, dMax, w0)))} at depth ${dMax}; with RAI, ${formatPercent(share(at(result.rai, dMin, w0)))} and ${formatPercent(share(at(result.rai, dMax, w0)))}.`,
    );
    const withBounds = result.he.filter((c) => c.bounds !== undefined).length;
    if (withBounds > 0)
      conclusion.push(
        outside.length === 0
          ? `All ${withBounds} He cells lie within the closed-form bounds, allowing two standard errors of sampling.`
          : `${outside.length} of ${withBounds} He cells lie outside the closed-form bounds by more than two standard errors: ${outside.join('; ')}.`,
      );
    const wide = Math.max(...s.widths);
    conclusion.push(
      `At width ${wide} and depth ${dMax}, ${formatPercent(share(at(result.he, dMax, wide)))} (He) and ${formatPercent(share(at(result.rai, dMax, wide)))} (RAI) collapsed.`,
    );
    return { conclusion, numbers: { he: result.he, rai: result.rai, ms: result.ms, outside } };
  },
};
