import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../cli.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('emulator CLI', () => {
  it('parses the documented flags', () => {
    expect(
      parseArgs([
        '--port',
        '0',
        '--host',
        '::1',
        '--seed',
        '5',
        '--speed=60',
        '--tasks',
        '100',
        '--data-dir',
        '/tmp/d',
        '--strict',
        '--iam-password',
        'pw',
      ]),
    ).toEqual({
      port: 0,
      host: '::1',
      seed: 5,
      speed: 60,
      tasks: 100,
      dataDir: '/tmp/d',
      strict: true,
      iamPassword: 'pw',
      quiet: false,
    });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
  });

  it('prints its URL, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/emulator/cli.ts', '--port', '0', '--seed', '3', '--speed', '60', '--quiet'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m && out.includes('Control:')) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect(out).toContain('/__emulator/');
    const state = (await (await fetch(`${url}/__emulator/state`)).json()) as { seed: number; speed: number };
    expect(state).toMatchObject({ seed: 3, speed: 60 });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits with code 2 on a bad flag', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/emulator/cli.ts', '--speed', 'fast'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
  });
});
