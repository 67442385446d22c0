// The start of every worker role: messages that arrive while the core loads are held and then
// handled in order; if the core cannot start, the held messages and every later one are told
// so (none waits for an answer that never comes).

export interface ServedScope<Msg> {
  onmessage: ((e: MessageEvent<Msg>) => void) | null;
}

export function serveWhenReady<Module, Msg>(
  scope: ServedScope<Msg>,
  load: () => Promise<Module>,
  variant: 'simd' | 'scalar',
  ready: (module: Module) => (msg: Msg) => void,
  /** `messages`: the held ones at the failure, or one that came later. */
  failed: (reason: string, messages: Msg[]) => void,
): void {
  const held: Msg[] = [];
  let handle: ((msg: Msg) => void) | null = null;
  scope.onmessage = (e) => {
    if (handle === null) held.push(e.data);
    else handle(e.data);
  };
  load().then(
    (module) => {
      const h = ready(module);
      handle = h;
      for (const msg of held.splice(0)) h(msg);
    },
    (err: unknown) => {
      const reason = `The ${variant} WebAssembly core could not start in the worker: ${
        err instanceof Error ? err.message : String(err)
      }`;
      handle = (msg) => failed(reason, [msg]);
      failed(reason, held.splice(0));
    },
  );
}
