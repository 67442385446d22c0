// Running the native `leaky-lab` for the CLI tests: its status and output, files in a
// temporary folder removed at exit, and the JSON lines of an output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath } from './paths.ts';

export function cli(...args: string[]) {
  const r = spawnSync(cliPath, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder for one test file's files, and a writer of files in it (objects as JSON). */
export function tempFiles(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  return { dir, file };
}

export function jsonLines(text: string): Record<string, any>[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}
