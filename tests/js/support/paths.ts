// Where the build puts what the JS tests load.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const wasmDist = path.join(root, 'build/wasm/dist');
export const cliPath = path.join(root, 'build/native/cli/leaky-lab');
