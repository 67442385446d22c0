// The embed's postMessage protocol, version 1: the one home of its types. Types only (no
// code), so the build ships this file as it is as dist/leaky-lab.d.ts for hosts.
//
// The host page (the iframe's parent) sends commands; the embed answers each with a reply
// carrying the command's id, and sends events of its own. Commands are obeyed only from the
// parent window and only when its origin is on the allow-list the host put in the embed's URL
// (`origin=https://blog.example`); every other message is ignored without an answer. A
// message from an allowed origin that does not fit the schema below is never acted on: it is
// answered with an `error` event that says what is wrong.
//
//   host -> embed   { v: 1, id: 7, cmd: 'set', args: { alpha: 0.2 } }
//   embed -> host   { source: 'leaky-lab', v: 1, id: 7, ok: true, result: { ...state } }
//   embed -> host   { source: 'leaky-lab', v: 1, event: 'step', data: { step: 1200, ... } }

/** The protocol's version: every message carries it as `v`. */
export type ProtocolVersion = 1;

/** A command's id, echoed in its reply: a string of 1 to 64 characters or a safe integer. */
export type MessageId = string | number;

/**
 * Settings by the link's keys (`seed`, `data`, `hidden`, `kind`, `alpha`, `lr`, ...; the
 * page's property table lists them, and the `ready` event names them): numbers, booleans or
 * the link's text (`hidden: '8,8'` or `[8, 8]`). A command's values are checked like a link's,
 * but nothing is clamped: a bad value refuses the whole command.
 */
export type SettingsPatch = Record<string, string | number | boolean | (string | number)[]>;

export type Command =
  /** Train (starts a new run if the last one stopped). */
  | { v: ProtocolVersion; id: MessageId; cmd: 'play'; args?: Record<string, never> }
  | { v: ProtocolVersion; id: MessageId; cmd: 'pause'; args?: Record<string, never> }
  /** One frame's worth of steps (the page's speed), then paused: the Step button. */
  | { v: ProtocolVersion; id: MessageId; cmd: 'step'; args?: Record<string, never> }
  /** A fresh run of the current settings. */
  | { v: ProtocolVersion; id: MessageId; cmd: 'reset'; args?: Record<string, never> }
  /** Changes settings: alpha and lr apply live (the weights are kept); others start a new run. */
  | { v: ProtocolVersion; id: MessageId; cmd: 'set'; args: SettingsPatch }
  | { v: ProtocolVersion; id: MessageId; cmd: 'getState'; args?: Record<string, never> }
  | { v: ProtocolVersion; id: MessageId; cmd: 'getStatistics'; args?: Record<string, never> };

export type CommandName = Command['cmd'];

export type ErrorCode =
  /** Not an object of the protocol's shape (the message says which part). */
  | 'bad-message'
  /** A `v` other than 1. */
  | 'bad-version'
  | 'unknown-command'
  /** The command's args are not what it takes. */
  | 'bad-args'
  /** Well formed, but the page refused it (a setting out of range, no run yet). */
  | 'refused';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** What a reply answers with: play, pause, step, reset and set answer with the new state. */
export interface Results {
  play: EmbedState;
  pause: EmbedState;
  step: EmbedState;
  reset: EmbedState;
  set: EmbedState;
  getState: EmbedState;
  getStatistics: EmbedStatistics | null;
}

export type Reply =
  | { source: 'leaky-lab'; v: ProtocolVersion; id: MessageId; ok: true; result: unknown }
  | { source: 'leaky-lab'; v: ProtocolVersion; id: MessageId; ok: false; error: ApiError };

export interface EmbedState {
  /** Every setting by its link key, as the link writes it. */
  settings: Record<string, string>;
  /** The link (hash without '#') that reproduces this run. */
  link: string;
  playing: boolean;
  status: 'idle' | 'starting' | 'running' | 'rejected' | 'diverged' | 'failed';
  step: number;
}

export interface LayerStatistics {
  units: number;
  activation: string;
  dead: number;
  dormant: number;
  inactive: number;
  nearDead: number;
  /** Units that revived at this evaluation. */
  revived: number;
}

/** The last evaluation the core made (every `eval` steps). */
export interface EmbedStatistics {
  step: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  deadFraction: number;
  dormantFraction: number;
  collapsed: boolean;
  layers: LayerStatistics[];
  /** Several runs side by side (the compare mode): each run's statistics, null before its
   *  first evaluation; the fields above are run 1's. Absent with one run. */
  runs?: (EmbedStatistics | null)[];
}

export interface Events {
  /** The embed listens: sent once its first run exists, and again after a reload. */
  ready: { protocol: ProtocolVersion; version: string; commands: CommandName[]; keys: string[] };
  /** Settings, play state or the run's status changed. */
  state: EmbedState;
  /** Training progress, at most 4 times a second. */
  step: { step: number; playing: boolean; trainLoss: number | null };
  /** A new evaluation, at most twice a second. */
  statistics: EmbedStatistics;
  /** The embed's content changed size: set the frame's height to `height` (CSS pixels). */
  resize: { height: number; width: number };
  /** A message from an allowed origin was malformed (or its reply could not be made). */
  error: ApiError & { id?: MessageId };
}

export type EventName = keyof Events;

export type EventMessage = {
  [K in EventName]: { source: 'leaky-lab'; v: ProtocolVersion; event: K; data: Events[K] };
}[EventName];

/** The commands as methods: the host helper's and the element's. */
export interface Commands {
  play(): Promise<EmbedState>;
  pause(): Promise<EmbedState>;
  step(): Promise<EmbedState>;
  reset(): Promise<EmbedState>;
  set(patch: SettingsPatch): Promise<EmbedState>;
  getState(): Promise<EmbedState>;
  getStatistics(): Promise<EmbedStatistics | null>;
}

/** The host helper: `LeakyLab.connect(iframe)` (dist/leaky-lab.js). */
export interface LeakyLabConnection extends Commands {
  /** Sends a command; resolves with its result, rejects with an Error holding the ApiError. */
  send<C extends CommandName>(
    cmd: C,
    args?: Extract<Command, { cmd: C }>['args'],
  ): Promise<Results[C]>;
  /** Listens to an event; returns the function that stops listening. */
  on<K extends EventName>(event: K, listener: (data: Events[K]) => void): () => void;
  /** Resolves when the embed has said `ready`. */
  readonly ready: Promise<Events['ready']>;
  /** Stops listening to the frame. */
  close(): void;
}

export interface ConnectOptions {
  /** Reject a command that has no reply after this long (ms; default 10000). */
  timeoutMs?: number;
  /** Set the frame's height from `resize` events (default true). */
  autoHeight?: boolean;
}

export interface LeakyLabGlobal {
  connect(frame: HTMLIFrameElement, options?: ConnectOptions): LeakyLabConnection;
  /** The embed page next to the script, with the given settings and flags. */
  embedUrl(settings: Record<string, string>, flags?: EmbedFlags): string;
}

/** The embed's own URL flags (the query), beside the link's settings (the hash). */
export interface EmbedFlags {
  /** Parts of the page to hide, by name. */
  hide?: string[];
  /** The one view to show (e.g. 'output', 'network', 'loss'), or 'all'. */
  view?: string;
  /** 'visible' (default): train while on screen; 'click': only once Play is pressed. */
  autoplay?: 'visible' | 'click';
  /** Origins whose commands the embed obeys. */
  origins?: string[];
}

/**
 * `<leaky-lab>`: attributes are the link's settings (kebab-case) plus hide, view, loading,
 * autoplay; the embed's events arrive as CustomEvents of the same names (data in `detail`).
 */
export interface LeakyLabElement extends HTMLElement, Commands {
  /** The connection to the embed (null until its frame exists: loading="lazy"). */
  readonly connection: LeakyLabConnection | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'leaky-lab': LeakyLabElement;
  }
  interface Window {
    LeakyLab?: LeakyLabGlobal;
  }
}
