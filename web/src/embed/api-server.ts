// The embed's side of the postMessage API (api-types.ts): obeys commands from the parent page
// when its origin is on the allow-list, through the mode's embed target (embed-target.ts: the
// same commands the controls call) and reads its runs for state and statistics. No DOM: the
// page's wiring (embed-mode.ts) hands it messages and a way to post; tests hand it fakes.
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
import type { EmbedTarget } from './embed-target';
import type { Evaluation } from '../run/protocol';
import { formatNumber } from '../state/parse-number';
import { throttle } from '../throttle';

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

export class EmbedApi {
  private target: EmbedTarget | null = null;
  private detach: (() => void)[] = [];
  /** Each run's newest evaluation (one run in most modes). */
  private lasts: (Evaluation | undefined)[] = [];
  /** Where events go: the parent's origin once known and allowed. */
  private to: string | null;
  /** The origin last told `ready` (null: not yet, or not since this mode started). */
  private readyTo: string | null = null;
  private stateQueued = false;
  private readonly stepEvents = throttle(THROTTLE_MS.step, (d: Events['step']) =>
    this.emit('step', d),
  );
  // Built when sent, from the newest evaluations: not on every frame, which the throttle
  // would mostly drop.
  private readonly statEvents = throttle(THROTTLE_MS.statistics, () => {
    const s = this.statistics();
    if (s !== null) this.emit('statistics', s);
  });

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

  /** Serves this mode's target (again after the page switched modes). */
  attach(target: EmbedTarget): void {
    this.release();
    this.target = target;
    this.lasts = [];
    this.readyTo = null;
    this.detach = [
      target.subscribe((e) => {
        if (e.type !== 'notices') this.queueState();
      }),
      target.onStatus(() => this.queueState()),
      target.onReady(() => {
        this.lasts = [];
        if (this.readyTo === null) this.sendReady();
      }),
      target.onFrame((f) => {
        let fresh = false;
        f.evaluations.forEach((ev, i) => {
          if (ev === undefined) return;
          this.lasts[i] = ev;
          fresh = true;
        });
        if (!this.enabled) return; // nobody listens: no statistics built per frame
        if (fresh) this.statEvents.call(undefined);
        this.stepEvents.call({
          step: f.step,
          playing: f.playing,
          trainLoss: this.lasts[0]?.train_loss ?? null,
        });
      }),
    ];
    if (target.status() === 'running') this.sendReady();
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
    if (this.readyTo !== m.origin && this.target?.status() === 'running') this.sendReady();
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
    return {
      settings: t.settings(),
      link: t.link(),
      playing: t.playing(),
      status: t.status(),
      step: t.shownStep(),
    };
  }

  /** Run 1's statistics; with several runs, each run's in `runs` too. */
  statistics(): EmbedStatistics | null {
    const first = this.lasts[0];
    if (first === undefined) return null;
    const s = statistics(first);
    if (this.lasts.length > 1)
      s.runs = Array.from(this.lasts, (ev) => (ev === undefined ? null : statistics(ev)));
    return s;
  }

  /** Does what a well-formed command asks; an error when the page refuses it. */
  private run(c: Command): ApiError | null {
    const t = this.target;
    if (t === null) return { code: 'refused', message: 'the page has not started yet' };
    switch (c.cmd) {
      case 'play':
        t.play();
        return null;
      case 'pause':
        t.pause();
        return null;
      case 'step':
        t.step();
        return null;
      case 'reset':
        t.reset();
        return null;
      case 'set':
        return this.set(t, c.args);
      case 'getState':
      case 'getStatistics':
        return null;
    }
  }

  /** All or nothing: the target checks every value before it applies any. */
  private set(t: EmbedTarget, patch: SettingsPatch): ApiError | null {
    const texts: Record<string, string> = {};
    for (const [key, v] of Object.entries(patch)) texts[key] = linkText(v);
    const error = t.set(texts);
    return error === null ? null : { code: 'refused', message: error };
  }

  private sendReady(): void {
    if (this.target === null || this.to === null) return;
    this.readyTo = this.to;
    this.emit('ready', {
      protocol: PROTOCOL_VERSION,
      version: this.options.version(),
      commands: [...COMMAND_NAMES],
      keys: [...this.target.keys],
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
