// The host page's side of the embed's API (api-types.ts): commands out to one iframe, replies
// matched by id, events in. Only messages from that frame's window and the origin of its src
// are read. Shipped in dist/leaky-lab.js as LeakyLab.connect.
import type {
  ApiError,
  CommandName,
  ConnectOptions,
  EmbedState,
  EmbedStatistics,
  EventName,
  Events,
  LeakyLabConnection,
  MessageId,
  SettingsPatch,
} from '../api-types';

const DEFAULT_TIMEOUT_MS = 10_000;

type Pending = {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An Error that carries the embed's ApiError (its code and message). */
export class EmbedError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'EmbedError';
  }
}

let nextConnection = 1;

export function connect(
  frame: HTMLIFrameElement,
  options: ConnectOptions = {},
): LeakyLabConnection {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const autoHeight = options.autoHeight ?? true;
  const origin = (): string => new URL(frame.src, document.baseURI).origin;
  const prefix = `c${nextConnection++}-`;
  let nextId = 1;
  const pending = new Map<MessageId, Pending>();
  const listeners = new Map<EventName, Set<(data: never) => void>>();
  let tellReady: (d: Events['ready']) => void = () => {};
  const ready = new Promise<Events['ready']>((resolve) => (tellReady = resolve));

  const onMessage = (e: MessageEvent): void => {
    if (e.source !== frame.contentWindow || e.origin !== origin()) return;
    const m: unknown = e.data;
    if (!isRecord(m) || m['source'] !== 'leaky-lab' || m['v'] !== 1) return;
    if (typeof m['event'] === 'string') {
      const event = m['event'] as EventName;
      const data = m['data'] as Events[EventName];
      if (event === 'ready') tellReady(data as Events['ready']);
      if (event === 'resize' && autoHeight)
        frame.style.height = `${(data as Events['resize']).height}px`;
      if (event === 'error') {
        const id = (data as Events['error']).id;
        const p = id === undefined ? undefined : pending.get(id);
        if (p !== undefined && id !== undefined) {
          pending.delete(id);
          clearTimeout(p.timer);
          p.reject(new EmbedError(data as ApiError));
        }
      }
      for (const l of listeners.get(event) ?? []) (l as (d: unknown) => void)(data);
      return;
    }
    const id = m['id'] as MessageId;
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (m['ok'] === true) p.resolve(m['result']);
    else p.reject(new EmbedError(m['error'] as ApiError));
  };
  window.addEventListener('message', onMessage);

  const post = (cmd: CommandName, args?: SettingsPatch): Promise<unknown> => {
    const id = `${prefix}${nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the embed did not answer ${cmd} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      frame.contentWindow?.postMessage(
        { v: 1, id, cmd, ...(args === undefined ? {} : { args }) },
        origin(),
      );
    });
  };
  const send = post as LeakyLabConnection['send'];
  // A frame that has loaded gets a first message, so that it says `ready` even when it said
  // it before this page was listening.
  const onLoad = (): void => void send('getState').catch(() => {});
  frame.addEventListener('load', onLoad);

  return {
    send,
    play: (): Promise<EmbedState> => send('play'),
    pause: (): Promise<EmbedState> => send('pause'),
    step: (): Promise<EmbedState> => send('step'),
    reset: (): Promise<EmbedState> => send('reset'),
    set: (patch: SettingsPatch): Promise<EmbedState> => send('set', patch),
    getState: (): Promise<EmbedState> => send('getState'),
    getStatistics: (): Promise<EmbedStatistics | null> => send('getStatistics'),
    on<K extends EventName>(event: K, listener: (data: Events[K]) => void): () => void {
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, (set = new Set()));
      set.add(listener as (data: never) => void);
      return () => set?.delete(listener as (data: never) => void);
    },
    ready,
    close(): void {
      window.removeEventListener('message', onMessage);
      frame.removeEventListener('load', onLoad);
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error('the connection was closed'));
      }
      pending.clear();
      listeners.clear();
    },
  };
}
