// The schema of the embed's commands (api-types.ts), checked before anything is acted on.
// Messages come from another page: every field is checked for its type and bounded in size,
// unknown fields are errors, and the answer says exactly what is wrong.
import type { ApiError, Command, CommandName, MessageId, SettingsPatch } from './api-types';

export const PROTOCOL_VERSION = 1;

/** What each command takes as args: nothing, or settings by link key. */
const COMMANDS: Readonly<Record<CommandName, 'none' | 'settings'>> = {
  play: 'none',
  pause: 'none',
  step: 'none',
  reset: 'none',
  set: 'settings',
  getState: 'none',
  getStatistics: 'none',
};
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export const MESSAGE_LIMITS = {
  idLength: 64,
  settings: 32,
  keyLength: 32,
  valueLength: 200,
  listLength: 64,
} as const;

export type Checked =
  { ok: true; command: Command } | { ok: false; error: ApiError; id?: MessageId };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;

function idOf(v: unknown): MessageId | null {
  if (typeof v === 'string') return v.length >= 1 && v.length <= MESSAGE_LIMITS.idLength ? v : null;
  return Number.isSafeInteger(v) ? (v as number) : null;
}

const brief = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
};

function settingValue(v: unknown): boolean {
  if (typeof v === 'string') return v.length <= MESSAGE_LIMITS.valueLength;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean') return true;
  return (
    Array.isArray(v) &&
    v.length <= MESSAGE_LIMITS.listLength &&
    v.every(
      (x) =>
        (typeof x === 'number' && Number.isFinite(x)) ||
        (typeof x === 'string' && x.length <= MESSAGE_LIMITS.keyLength),
    )
  );
}

/** Checks one message against the schema. Never throws, whatever `data` is. */
export function checkCommand(data: unknown): Checked {
  const fail = (
    message: string,
    code: ApiError['code'] = 'bad-message',
    id?: MessageId,
  ): Checked =>
    id === undefined
      ? { ok: false, error: { code, message } }
      : { ok: false, error: { code, message }, id };
  if (!isRecord(data))
    return fail(`a message must be a plain object {v, id, cmd, args}, not ${brief(data)}`);
  const id = idOf(data['id']);
  const known = ['v', 'id', 'cmd', 'args'];
  const extra = Object.keys(data).filter((k) => !known.includes(k));
  if (extra.length > 0)
    return fail(
      `unknown field ${brief(extra[0])}: a message has only v, id, cmd and args`,
      'bad-message',
      id ?? undefined,
    );
  if (data['v'] !== PROTOCOL_VERSION)
    return fail(
      `v must be ${PROTOCOL_VERSION} (the protocol's version), not ${brief(data['v'])}`,
      'bad-version',
      id ?? undefined,
    );
  if (id === null)
    return fail(
      `id must be a string of 1 to ${MESSAGE_LIMITS.idLength} characters or a safe integer, not ${brief(data['id'])}`,
    );
  const cmd = data['cmd'];
  if (typeof cmd !== 'string' || !Object.hasOwn(COMMANDS, cmd))
    return fail(
      `cmd ${brief(cmd)} is not one of ${COMMAND_NAMES.join(', ')}`,
      'unknown-command',
      id,
    );
  const name = cmd as CommandName;
  const args = data['args'];
  if (COMMANDS[name] === 'none') {
    if (args !== undefined && !(isRecord(args) && Object.keys(args).length === 0))
      return fail(`${name} takes no args (leave args out or send {})`, 'bad-args', id);
    return { ok: true, command: { v: 1, id, cmd: name } as Command };
  }
  if (!isRecord(args))
    return fail(`${name} needs args: an object of settings by link key`, 'bad-args', id);
  const keys = Object.keys(args);
  if (keys.length === 0 || keys.length > MESSAGE_LIMITS.settings)
    return fail(
      `${name} takes 1 to ${MESSAGE_LIMITS.settings} settings, not ${keys.length}`,
      'bad-args',
      id,
    );
  for (const key of keys) {
    if (key.length > MESSAGE_LIMITS.keyLength || !/^[A-Za-z][A-Za-z0-9]*$/.test(key))
      return fail(`${brief(key)} is not a setting's key`, 'bad-args', id);
    if (!settingValue(args[key]))
      return fail(
        `args.${key} must be a finite number, a boolean, a string of at most ${MESSAGE_LIMITS.valueLength} characters, or a list of at most ${MESSAGE_LIMITS.listLength} numbers or short strings; not ${brief(args[key])}`,
        'bad-args',
        id,
      );
  }
  return { ok: true, command: { v: 1, id, cmd: 'set', args: { ...(args as SettingsPatch) } } };
}
