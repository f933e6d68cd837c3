/**
 * Vite plugin for `npm start`: mounts the proxy on /api (and, in emulator mode, /__emulator) before Vite's own
 * middlewares, on the dev server and on `vite preview`. A configuration error prints its one line and exits(2);
 * the embedded emulator is closed with the server.
 */
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadConfigOrExit } from '../config.ts';
import { createLogger } from '../log.ts';
import { createConsoleBackend, type BackendDeps, type ConsoleBackend } from './index.ts';

export interface DrsConsolePluginOptions {
  /** Environment to read the configuration from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Test seams (an emulator stand-in, a logger). */
  deps?: BackendDeps;
}

export function drsConsole(options: DrsConsolePluginOptions = {}): Plugin {
  async function mount(server: ViteDevServer | PreviewServer) {
    const config = loadConfigOrExit(options.env ?? process.env);
    const log =
      options.deps?.log ??
      createLogger((line) => server.config.logger.info(`[drs-console] ${line}`, { timestamp: true }));
    let backend: ConsoleBackend;
    try {
      backend = await createConsoleBackend(config, { ...options.deps, log });
    } catch (err) {
      console.error(
        `DRS Console: could not start the ${config.mode === 'emulator' ? 'emulator' : 'proxy'}: ${String(err)}`,
      );
      process.exit(2);
    }
    const middleware: Connect.NextHandleFunction = (req, res, next) => backend.handle(req, res, next);
    // Registered directly (not in a returned hook), so it runs before Vite's own middlewares.
    server.middlewares.use(middleware);
    const close = () => void backend.close();
    server.httpServer?.once('close', close);
    log(
      config.mode === 'emulator'
        ? `emulator mode: /api → embedded DRS emulator at ${backend.emulatorUrl}`
        : `cloud mode: /api → ${backend.info.endpointHost} (project ${backend.info.projectId})`,
    );
    return backend;
  }

  return {
    name: 'drs-console',
    async configureServer(server) {
      const backend = await mount(server);
      // Vite closes its http server on restart/shutdown; close() also covers middleware mode.
      const originalClose = server.close.bind(server);
      server.close = async () => {
        await backend.close();
        await originalClose();
      };
    },
    async configurePreviewServer(server) {
      await mount(server);
    },
  };
}
