// The embed's side of the postMessage API (api-types.ts): obeys commands from the parent page
// when its origin is on the allow-list, through the mode's store (the same commands the
// controls call) and reads its run session for state and statistics. No DOM: the page's
// wiring (embed-mode.ts) hands it messages and a way to post; tests hand it fakes.
import { checkCommand, COMMAND_NAMES, PROTOCOL_VERSION } from './api-schema';
import type {
  ApiError,
  Command,
  EmbedState,
  EmbedStatistics,
  EventMessage,
  EventName,
  Events,
  MessageId,
  Reply,
  SettingsPatch,
} from './api-types';
import type { Evaluation } from '../run/protocol';
import type { RunSession } from '../run/session';
import { closestKey } from '../state/link';
import { formatNumber } from '../state/parse-number';
import type { Settings } from '../state/settings';
import type { Store } from '../state/store';

/** What the API drives: a mode's store and run session (app/modes.ts's ModeHandle). */
export interface EmbedTarget {
  readonly store: Store;
  readonly session: RunSession;
}

/** A message as it arrives: who sent it (window and origin) and what. */
export interface Incoming {
  origin: string;
  source: unknown;
  data: unknown;
}

export interface ApiServerOptions {
  /** The origins whose commands are obeyed; 'null' stands for pages with an opaque origin. */
  origins: readonly string[];
  /** The parent window: only its messages are commands. */
  parent: unknown;
  /** The parent page's origin when the browser tells it (location.ancestorOrigins). */
  parentOrigin: string | null;
  /** Posts to the parent window with a target origin. */
  post(message: Reply | EventMessage, targetOrigin: string): void;
  /** The page's version, for `ready` (known once the core has loaded). */
  version(): string;
}

/** Shortest time between two `step` events, and between two `statistics` events (ms). */
export const THROTTLE_MS = { step: 250, statistics: 500 } as const;

function statistics(ev: Evaluation): EmbedStatistics {
  return {
    step: ev.step,
    trainLoss: ev.train_loss,
    testLoss: ev.test_loss,
    trainAccuracy: ev.train_accuracy ?? null,
    testAccuracy: ev.test_accuracy ?? null,
    deadFraction: ev.dead_fraction,
    dormantFraction: ev.dormant_fraction,
    collapsed: ev.collapsed,
    layers: ev.layers.map((l) => ({
      units: l.units,
      activation: l.activation,
      dead: l.dead,
      dormant: l.dormant,
      inactive: l.inactive,
      nearDead: l.near_dead,
      revived: l.revived,
    })),
  };
}

/** A setting's value as the link writes it. */
function linkText(v: SettingsPatch[string]): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return Array.isArray(v)
    ? v.map((x) => (typeof x === 'number' ? formatNumber(x) : x)).join(',')
    : v;
}

/** Calls at most once per `ms`, the last call always landing (leading and trailing). */
function throttle<T>(ms: number, f: (x: T) => void): { call(x: T): void; cancel(): void } {
  let last = -Infinity;
  let pending: { x: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    timer = undefined;
    if (pending === null) return;
    const { x } = pending;
    pending = null;
    last = Date.now();
    f(x);
  };
  return {
    call(x) {
      pending = { x };
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}

export class EmbedApi {
  private target: EmbedTarget | null = null;
  private detach: (() => void)[] = [];
  private last: Evaluation | null = null;
  /** Where events go: the parent's origin once known and allowed. */
  private to: string | null;
  /** The origin last told `ready` (null: not yet, or not since this mode started). */
  private readyTo: string | null = null;
  private stateQueued = false;
  private readonly stepEvents = throttle(THROTTLE_MS.step, (d: Events['step']) =>
    this.emit('step', d),
  );
  private readonly statEvents = throttle(THROTTLE_MS.statistics, (d: EmbedStatistics) =>
    this.emit('statistics', d),
  );

  constructor(private readonly options: ApiServerOptions) {
    const o = options.parentOrigin;
    const allowed = options.origins;
    // The parent's own origin when the browser says it; else the one origin allowed; else the
    // first allowed origin that sends a command.
    this.to =
      o !== null ? (allowed.includes(o) ? o : null) : allowed.length === 1 ? allowed[0]! : null;
  }

  /** On while some origin is allowed: otherwise the embed only runs, and says nothing. */
  get enabled(): boolean {
    return this.options.origins.length > 0;
  }

  /** Serves this mode's store and session (again after the page switched modes). */
  attach(target: EmbedTarget): void {
    this.release();
    this.target = target;
    this.last = null;
    this.readyTo = null;
    const { store, session } = target;
    this.detach = [
      store.subscribe((e) => {
        if (e.type !== 'notices') this.queueState();
      }),
      session.events.on('status', () => this.queueState()),
      session.events.on('ready', () => {
        this.last = null;
        if (this.readyTo === null) this.sendReady();
      }),
      session.events.on('frame', (f) => {
        const ev = f.evaluations[f.evaluations.length - 1];
        if (ev !== undefined) {
          this.last = ev;
          this.statEvents.call(statistics(ev));
        }
        this.stepEvents.call({
          step: f.step,
          playing: f.playing,
          trainLoss: this.last?.train_loss ?? null,
        });
      }),
    ];
    if (session.status === 'running') this.sendReady();
  }

  /** Stops listening to the mode (it is being disposed). */
  release(): void {
    for (const off of this.detach) off();
    this.detach = [];
    this.stepEvents.cancel();
    this.statEvents.cancel();
    this.target = null;
  }

  /** Tells the host the content's size. */
  resized(height: number, width: number): void {
    this.emit('resize', { height: Math.ceil(height), width: Math.ceil(width) });
  }

  /** One message from the window. Messages from anyone but an allowed parent are ignored. */
  receive(m: Incoming): void {
    if (!this.enabled || m.source !== this.options.parent) return;
    if (!this.options.origins.includes(m.origin)) return;
    this.to = m.origin;
    // A host that connects late (or reloads) hears `ready` on its first message.
    if (this.readyTo !== m.origin && this.target?.session.status === 'running') this.sendReady();
    const checked = checkCommand(m.data);
    if (!checked.ok) {
      this.emit(
        'error',
        checked.id === undefined ? checked.error : { ...checked.error, id: checked.id },
      );
      return;
    }
    const { id } = checked.command;
    const error = this.run(checked.command);
    if (error !== null) this.reply(id, { ok: false, error });
    else
      this.reply(id, {
        ok: true,
        result: checked.command.cmd === 'getStatistics' ? this.statistics() : this.state(),
      });
  }

  state(): EmbedState {
    const t = this.target;
    if (t === null) return { settings: {}, link: '', playing: false, status: 'idle', step: 0 };
    const settings: Record<string, string> = {};
    for (const p of t.store.props) {
      const text = p.write(t.store.settings as Settings);
      if (text !== null) settings[p.key] = text;
    }
    return {
      settings,
      link: t.store.link(),
      playing: t.session.playing,
      status: t.session.status,
      step: t.session.currentStep,
    };
  }

  statistics(): EmbedStatistics | null {
    return this.last === null ? null : statistics(this.last);
  }

  /** Does what a well-formed command asks; an error when the page refuses it. */
  private run(c: Command): ApiError | null {
    const t = this.target;
    if (t === null) return { code: 'refused', message: 'the page has not started yet' };
    switch (c.cmd) {
      case 'play':
        t.store.play();
        return null;
      case 'pause':
        t.store.pause();
        return null;
      case 'step':
        t.store.step();
        return null;
      case 'reset':
        t.store.reset();
        return null;
      case 'set':
        return this.set(t.store, c.args);
      case 'getState':
      case 'getStatistics':
        return null;
    }
  }

  /** All or nothing: every value is checked (in the table's order) before any is applied. */
  private set(store: Store, patch: SettingsPatch): ApiError | null {
    const props = store.props;
    const keys = props.map((p) => p.key);
    for (const key of Object.keys(patch))
      if (!keys.includes(key))
        return {
          code: 'refused',
          message: `“${key}” is not a setting (did you mean “${closestKey(key, keys)}”?); nothing was changed`,
        };
    const trial = { ...store.settings } as Settings;
    const fields: Partial<Settings> = {};
    for (const p of props) {
      const v = patch[p.key];
      if (v === undefined) continue;
      const r = p.read(linkText(v), trial);
      if (r.kind !== 'ok')
        return {
          code: 'refused',
          message: `${p.key} must be ${p.allowed(trial)}, not ${linkText(v).slice(0, 40)}; nothing was changed`,
        };
      (trial as unknown as Record<string, unknown>)[p.field] = r.value;
      (fields as Record<string, unknown>)[p.field] = r.value;
    }
    const { kind, alpha, lr, ...rest } = fields;
    // alpha and lr alone apply live to the running network; with anything else, a new run.
    if (kind === undefined && Object.keys(rest).length === 0) {
      if (alpha !== undefined) store.setAlpha(alpha);
      if (lr !== undefined) store.setLearningRate(lr);
      return null;
    }
    if (kind !== undefined) store.setKind(kind);
    const others: Partial<Settings> = { ...rest };
    if (alpha !== undefined) others.alpha = alpha;
    if (lr !== undefined) others.lr = lr;
    if (Object.keys(others).length > 0) store.set(others);
    return null;
  }

  private sendReady(): void {
    if (this.target === null || this.to === null) return;
    this.readyTo = this.to;
    this.emit('ready', {
      protocol: PROTOCOL_VERSION,
      version: this.options.version(),
      commands: [...COMMAND_NAMES],
      keys: this.target.store.props.map((p) => p.key),
    });
  }

  private queueState(): void {
    if (this.stateQueued) return;
    this.stateQueued = true;
    setTimeout(() => {
      this.stateQueued = false;
      if (this.target !== null) this.emit('state', this.state());
    }, 0);
  }

  private reply(
    id: MessageId,
    body: { ok: true; result: unknown } | { ok: false; error: ApiError },
  ): void {
    this.send({ source: 'leaky-lab', v: PROTOCOL_VERSION, id, ...body } as Reply);
  }

  private emit<K extends EventName>(event: K, data: Events[K]): void {
    this.send({ source: 'leaky-lab', v: PROTOCOL_VERSION, event, data } as EventMessage);
  }

  private send(message: Reply | EventMessage): void {
    if (!this.enabled || this.to === null) return;
    // An opaque-origin parent (a page from disk) can only be reached with '*'; the author put
    // 'null' on the allow-list to ask for exactly that.
    this.options.post(message, this.to === 'null' ? '*' : this.to);
  }
}
