// Parsing of the core's self-description: buildInfo() and catalog().
// The core is trusted, but a malformed answer should fail loudly and early, not deep in the UI.

export interface BuildInfo {
  variant: string;
  arch: string;
  version: string;
}

export interface ActivationKind {
  name: string;
  label: string;
  /** Takes a slope/scale parameter alpha. */
  alpha: boolean;
  defaultAlpha: number;
  /** Takes lower/upper bounds (rrelu). */
  lowerUpper: boolean;
  defaultLower: number;
  defaultUpper: number;
}

/** RReLU's bounds (PyTorch), used when the core does not state them. */
export const RRELU_DEFAULT_LOWER = 1 / 8;
export const RRELU_DEFAULT_UPPER = 1 / 3;

const finiteOr = (x: unknown, fallback: number): number =>
  typeof x === 'number' && Number.isFinite(x) ? x : fallback;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseBuildInfo(json: string): BuildInfo {
  const v: unknown = JSON.parse(json);
  if (!isRecord(v)) throw new Error('buildInfo() is not a JSON object');
  const str = (key: string): string => {
    const x = v[key];
    if (typeof x !== 'string') throw new Error(`buildInfo().${key} is not a string`);
    return x;
  };
  return { variant: str('variant'), arch: str('arch'), version: str('version') };
}

/** The activation kinds of the core's catalog() JSON. */
export function parseActivationKinds(catalogJson: string): ActivationKind[] {
  const catalog: unknown = JSON.parse(catalogJson);
  const v = isRecord(catalog) ? catalog.activations : undefined;
  if (!Array.isArray(v) || v.length === 0)
    throw new Error('catalog().activations is not a non-empty array');
  return v.map((item: unknown, i): ActivationKind => {
    if (!isRecord(item)) throw new Error(`catalog().activations[${i}] is not an object`);
    const { name, label, alpha, default_alpha, lower_upper, default_lower, default_upper } = item;
    if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(name))
      throw new Error(`catalog().activations[${i}].name is not an identifier`);
    return {
      name,
      label: typeof label === 'string' && label !== '' ? label : name,
      alpha: alpha === true,
      defaultAlpha: finiteOr(default_alpha, 0),
      lowerUpper: lower_upper === true,
      defaultLower: finiteOr(default_lower, RRELU_DEFAULT_LOWER),
      defaultUpper: finiteOr(default_upper, RRELU_DEFAULT_UPPER),
    };
  });
}
