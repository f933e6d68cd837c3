/**
 * Production server (`npm run build && npm run serve`): dist/ with an SPA fallback, long-lived caching of hashed
 * assets, gzip/brotli negotiated by Accept-Encoding, a strict Content-Security-Policy, and the proxy on /api
 * (plus /__emulator in emulator mode). Listens on CONSOLE_HOST (127.0.0.1) and PORT (4173), or --host/--port.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { loadConfigOrExit, type ConsoleConfig } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { createConsoleBackend, type BackendDeps, type ConsoleBackend } from './proxy/index.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
  '.ico',
  '.ttf',
  '.wasm',
]);
const MIN_COMPRESS_BYTES = 1024;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const compressBrotli = (raw: Buffer) => brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } });
const compressGzip = (raw: Buffer) => gzip(raw, { level: 9 });

interface Entry {
  raw: Buffer;
  type: string;
  etag: string;
  compressible: boolean;
  gz?: Promise<Buffer>;
  br?: Promise<Buffer>;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** Picks br, then gzip, honouring q-values (`gzip;q=0` refuses gzip). */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const weight = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/** Serves the files of `root` (read once, compressed lazily and cached) with an SPA fallback to index.html. */
export function createStaticHandler(root: string) {
  const absRoot = path.resolve(root);
  const cache = new Map<string, Promise<Entry | undefined>>();

  async function load(file: string): Promise<Entry | undefined> {
    try {
      const info = await stat(file);
      if (!info.isFile()) return undefined;
      const raw = await readFile(file);
      const ext = path.extname(file).toLowerCase();
      const hash = createHash('sha1').update(raw).digest('base64url').slice(0, 20);
      return {
        raw,
        type: TYPES[ext] ?? 'application/octet-stream',
        etag: `"${hash}"`,
        compressible: COMPRESSIBLE.has(ext) && raw.length >= MIN_COMPRESS_BYTES,
      };
    } catch {
      return undefined;
    }
  }

  function entry(file: string): Promise<Entry | undefined> {
    let hit = cache.get(file);
    if (!hit) {
      hit = load(file);
      cache.set(file, hit);
    }
    return hit;
  }

  /** Maps a URL path to a file under root, or undefined when the path escapes root or is malformed. */
  function fileFor(urlPath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const file = path.resolve(absRoot, `.${path.posix.normalize(decoded)}`);
    return file === absRoot || file.startsWith(absRoot + path.sep) ? file : undefined;
  }

  async function send(req: IncomingMessage, res: ServerResponse, e: Entry, cacheControl: string) {
    const encoding: Encoding = e.compressible
      ? negotiateEncoding(req.headers['accept-encoding'] as string)
      : 'identity';
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': e.type,
      'Cache-Control': cacheControl,
      ETag: encoding === 'identity' ? e.etag : `${e.etag.slice(0, -1)}-${encoding}"`,
    };
    if (e.compressible) headers.Vary = 'Accept-Encoding';
    if (req.headers['if-none-match'] === headers.ETag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let body = e.raw;
    if (encoding === 'br') body = await (e.br ??= compressBrotli(e.raw));
    if (encoding === 'gzip') body = await (e.gz ??= compressGzip(e.raw));
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function plain(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-cache',
      ...extra,
    });
    res.end(message);
  }

  /** Reads and compresses every file of root ahead of the first requests (the results are cached). */
  async function warm(): Promise<number> {
    const files = await readdir(absRoot, { recursive: true }).catch(() => [] as string[]);
    let count = 0;
    for (const rel of files) {
      if (rel.endsWith('.map')) continue;
      const e = await entry(path.join(absRoot, rel));
      if (!e) continue;
      count++;
      if (e.compressible) {
        await (e.br ??= compressBrotli(e.raw));
        await (e.gz ??= compressGzip(e.raw));
      }
    }
    return count;
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0]!;
    const file = fileFor(urlPath);
    if (!file) {
      plain(res, 400, 'Bad Request');
      return;
    }
    const found = urlPath.endsWith('/') ? undefined : await entry(file);
    if (found) {
      const isIndex = path.basename(file) === 'index.html';
      const hashedAsset = urlPath.startsWith('/assets/');
      await send(req, res, found, hashedAsset ? IMMUTABLE : isIndex ? 'no-cache' : 'public, max-age=3600');
      return;
    }
    // A missing file (an extension in the last segment, or under /assets) is a 404; any other route is the SPA's.
    const last = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    if (urlPath.startsWith('/assets/') || last.includes('.')) {
      plain(res, 404, 'Not Found');
      return;
    }
    const index = await entry(path.join(absRoot, 'index.html'));
    if (!index) {
      plain(res, 500, 'dist/index.html is missing — run `npm run build` first');
      return;
    }
    await send(req, res, index, 'no-cache');
  }

  return Object.assign(serveStatic, { warm });
}

export interface ConsoleServerOptions {
  config: ConsoleConfig;
  distDir: string;
  log?: Logger;
  deps?: BackendDeps;
}

export interface ConsoleServer {
  server: Server;
  backend: ConsoleBackend;
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Reads and compresses dist/ ahead of the first requests; resolves with the number of files. */
  warm(): Promise<number>;
  close(): Promise<void>;
}

export async function createConsoleServer(opts: ConsoleServerOptions): Promise<ConsoleServer> {
  const log = opts.log ?? createLogger();
  const backend = await createConsoleBackend(opts.config, { ...opts.deps, log });
  const serveStatic = createStaticHandler(opts.distDir);
  const server = http.createServer((req, res) => {
    if (backend.matches(req.url ?? '/')) {
      // The proxy's own answers (JSON) carry the same security headers.
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      backend.handle(req, res);
      return;
    }
    serveStatic(req, res).catch((err: unknown) => {
      log(`static ${req.method} ${(req.url ?? '/').split('?')[0]} failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  let closing: Promise<void> | undefined;
  return {
    server,
    backend,
    warm: () => serveStatic.warm(),
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          const shown = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${actual}`, port: actual });
        });
      });
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        });
        await backend.close();
      })();
      return closing;
    },
  };
}

/** `--host X`, `--host=X`, `--port N`, `--port=N`. */
export function parseArgs(argv: string[]): { host?: string; port?: string } {
  const out: { host?: string; port?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(host|port)(?:=(.*))?$/.exec(arg);
    if (!m) continue;
    const value = m[2] ?? argv[++i];
    if (value !== undefined) out[m[1] as 'host' | 'port'] = value;
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const env = { ...process.env };
  if (args.host) env.CONSOLE_HOST = args.host;
  if (args.port) env.PORT = args.port;
  const config = loadConfigOrExit(env);
  const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const log = createLogger((line) => console.log(`${new Date().toISOString()} ${line}`));
  const consoleServer = await createConsoleServer({ config, distDir, log });
  const { url } = await consoleServer.listen(config.port ?? 4173, config.host);
  void consoleServer.warm();
  console.log(
    `DRS Console on ${url} (${config.mode === 'emulator' ? 'embedded emulator' : `DRS ${consoleServer.backend.info.endpointHost}`})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: shutting down`);
    consoleServer.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`DRS Console: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
