// The page's state layer built from the core's own catalog (the Node build), for the tests.
import {
  makeCompareProperties,
  runKinds,
} from '../../../web/src/modes/compare/compare-settings.ts';
import { makeProperties } from '../../../web/src/state/properties.ts';
import { parseCatalog } from '../../../web/src/wasm/catalog.ts';
import { CATALOG } from './kinds.ts';

export const catalog = parseCatalog(JSON.stringify(CATALOG));
export const props = makeProperties(catalog);
/** The compare mode's rows, and its runs' kinds. */
export const compareProps = makeCompareProperties(catalog);
export const compareKinds = runKinds(catalog);
