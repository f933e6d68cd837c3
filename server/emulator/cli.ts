/**
 * npm run emulator -- --port 4010 [--host 127.0.0.1] [--seed N] [--speed F] [--tasks N] [--data-dir DIR] [--strict]
 *                     [--iam-password P]
 */
import { createEmulator } from './index.ts';

interface CliOptions {
  port: number;
  host: string;
  seed?: number;
  speed?: number;
  tasks?: number;
  dataDir?: string;
  strict: boolean;
  iamPassword?: string;
  quiet: boolean;
}

const USAGE = `Usage: npm run emulator -- [--port 4010] [--host 127.0.0.1] [--seed N] [--speed F] [--tasks N]
                           [--data-dir DIR] [--strict] [--iam-password P] [--quiet]`;

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { port: 4010, host: '127.0.0.1', strict: false, quiet: false };
  const num = (flag: string, v: string | undefined, min: number, max: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min || n > max)
      throw new Error(`${flag} needs a number in [${min}, ${max}]`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        o.port = num(flag, value(), 0, 65535);
        break;
      case '--host':
        o.host = value() ?? '127.0.0.1';
        break;
      case '--seed':
        o.seed = Math.floor(num(flag, value(), 0, 2 ** 32 - 1));
        break;
      case '--speed':
        o.speed = num(flag, value(), 0, 1e6);
        break;
      case '--tasks':
        o.tasks = Math.floor(num(flag, value(), 0, 100_000));
        break;
      case '--data-dir':
        o.dataDir = value();
        if (!o.dataDir) throw new Error('--data-dir needs a folder');
        break;
      case '--strict':
        o.strict = true;
        break;
      case '--iam-password':
        o.iamPassword = value();
        if (!o.iamPassword) throw new Error('--iam-password needs a value');
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

async function main() {
  let opts: CliOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`emulator: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = createEmulator({
    seed: opts.seed,
    speed: opts.speed,
    tasks: opts.tasks,
    dataDir: opts.dataDir,
    strict: opts.strict,
    iamPassword: opts.iamPassword,
    log: opts.quiet ? undefined : (line) => console.log(line),
  });
  const { url } = await emulator.listen(opts.port, opts.host);
  console.log(`DRS v3 emulator listening on ${url}`);
  console.log(`  IAM:      POST ${url}/v3/auth/tokens (token in X-Subject-Token)`);
  console.log(
    `  DRS:      ${url}/v3/{project_id}/jobs ... e.g. project id 0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d (any id works; each is its own world)`,
  );
  if (!opts.strict)
    console.log(
      `  Control:  ${url}/__emulator/state, /reset, /seed, /clock/advance, /clock/speed, /faults, /tokens/expire`,
    );
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();
