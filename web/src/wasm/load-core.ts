// Loads the chosen build of the wasm core. Where its bytes come from is the build's choice
// (@core-wasm): the hosted site fetches the variant's .wasm file (compile-fetch.ts); the single
// file unpacks it from the Zstandard frame it carries (compile-inline.ts), with no request.
import type { CoreModule } from './core-api';
import { compileCore, instantiateCore } from './instantiate';
import { parseBuildInfo, type ActivationKind, type BuildInfo } from './build-info';
import { parseCatalog, type Catalog } from './catalog';
import type { Variant } from './choose-variant';

export interface LoadedCore {
  module: CoreModule;
  /** The compiled wasm, handed to every run's worker (compiled once per page). */
  compiled: WebAssembly.Module;
  variant: Variant;
  info: BuildInfo;
  /** Every name the core knows, with its parameters and ranges. */
  catalog: Catalog;
  kinds: ActivationKind[];
  /** Set when the wanted variant failed and the other one runs instead. */
  fallbackNote?: string;
}

async function instantiate(variant: Variant): Promise<LoadedCore> {
  const compiled = await compileCore(variant);
  const module = await instantiateCore<CoreModule>(compiled);
  const info = parseBuildInfo(module.buildInfo());
  const catalog = parseCatalog(module.catalog());
  return { module, compiled, variant, info, catalog, kinds: catalog.activations };
}

/** Loads `wanted`; if the SIMD build cannot start, falls back to scalar and says so. */
export async function loadCore(wanted: Variant): Promise<LoadedCore> {
  if (wanted === 'scalar') return instantiate('scalar');
  try {
    return await instantiate('simd');
  } catch (err) {
    const core = await instantiate('scalar');
    const why = err instanceof Error ? err.message : String(err);
    return { ...core, fallbackNote: `The SIMD build failed to start (${why}); running scalar.` };
  }
}
