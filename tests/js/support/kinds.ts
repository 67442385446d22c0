// Every name the core knows, read from the core's own catalog (the Node build of the wasm
// module), so that no test keeps a second list of activation kinds or datasets.
import { createRequire } from 'node:module';
import path from 'node:path';
import { wasmDist } from './paths.ts';

const require = createRequire(import.meta.url);
const createLeakyModule = require(path.join(wasmDist, 'leaky_node.cjs'));
/** The Node build of the core, for tests that need more than its names. */
export const core = await createLeakyModule();

export interface Catalog {
  version: string;
  activations: { name: string; alpha: boolean; default_alpha: number; lower_upper: boolean }[];
  datasets: { name: string; task: string; inputs: number }[];
  weight_inits: { name: string }[];
  bias_inits: { name: string; uses_value: boolean }[];
  he_gains: { name: string }[];
  optimizers: { name: string; uses_momentum: boolean; uses_moments: boolean }[];
  losses: { name: string }[];
  fields: Record<string, { min: number; max: number; integer: boolean; text: string }>;
}

export const CATALOG: Catalog = JSON.parse(core.catalog());

/** Every activation by its table name, in the core's order. */
export const KINDS: string[] = CATALOG.activations.map((k) => k.name);
