/**
 * For browser figures: the production build (what users get; React's development build would measure React's dev
 * checks), built into a temporary folder and served by the console's own server with its embedded emulator, in
 * this process, on a free port. `env` adds emulator settings (e.g. EMULATOR_TASKS); the seed is 42.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/log';
import { createConsoleServer } from '../server/serve';
import { buildInto } from './bundle.bench';

export async function startProductionServer(
  name: string,
  env: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), `drs-bench-${name}-`));
  await buildInto(outDir);
  const config = loadConfig({ EMULATOR_SEED: '42', PATH: process.env.PATH ?? '', ...env });
  const server = await createConsoleServer({ config, distDir: outDir, log: createLogger(() => {}) });
  const { url } = await server.listen(0, '127.0.0.1');
  await server.warm();
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
