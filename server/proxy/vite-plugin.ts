import type { Plugin } from 'vite';

/** STUB — replaced by the proxy work: mounts /api (and /__emulator in emulator mode) on Vite's dev server. */
export function drsConsole(): Plugin {
  return { name: 'drs-console' };
}
