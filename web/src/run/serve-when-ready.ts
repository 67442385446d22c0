// The start of every worker role: messages that arrive while the core loads are held and then
// handled in order; if the core cannot start, the held messages and every later one are told
// so (none waits for an answer that never comes).
import type { Variant } from '../wasm/choose-variant';

export interface ServedScope<Msg> {
  onmessage: ((e: MessageEvent<Msg>) => void) | null;
}

export function serveWhenReady<Module, Msg>(
  scope: ServedScope<Msg>,
  load: () => Promise<Module>,
  variant: Variant,
  ready: (module: Module) => (msg: Msg) => void,
  /**
   * `reason` ("the simd WebAssembly core could not start ..."), and the held messages at the
   * failure, or one that came later.
   */
  failed: (reason: string, messages: Msg[]) => void,
): void {
  const held: Msg[] = [];
  let handle: ((msg: Msg) => void) | null = null;
  scope.onmessage = (e) => {
    if (handle === null) held.push(e.data);
    else handle(e.data);
  };
  const fail = (err: unknown): void => {
    const reason = `the ${variant} WebAssembly core could not start in the worker: ${
      err instanceof Error ? err.message : String(err)
    }`;
    handle = (msg) => failed(reason, [msg]);
    failed(reason, held.splice(0));
  };
  load()
    .then(ready) // a role that fails to set itself up fails like a core that cannot load
    .then((h) => {
      handle = h;
      for (const msg of held.splice(0)) h(msg);
    }, fail);
}

/** A reason as a sentence of its own (the run and the pool show it alone; the lab mid-line). */
export const sentence = (reason: string): string =>
  reason.charAt(0).toUpperCase() + reason.slice(1);
