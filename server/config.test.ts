import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = '0123456789abcdef0123456789abcdef';
const CLOUD = { DRS_ENDPOINT: 'https://drs.eu-de.otc.t-systems.com', DRS_PROJECT_ID: PROJECT };
const IAM = {
  IAM_ENDPOINT: 'https://iam.eu-de.otc.t-systems.com',
  IAM_USERNAME: 'dba',
  IAM_PASSWORD: ' pass word ',
  IAM_DOMAIN: 'acme',
  IAM_PROJECT: 'eu-de',
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('defaults to emulator mode with no DRS_ENDPOINT', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'emulator',
      host: '127.0.0.1',
      allowedOrigins: [],
      language: 'en-us',
      emulator: {},
    });
    expect(config.port).toBeUndefined();
    expect(config.auth).toBeUndefined();
  });

  it('reads the emulator knobs and the console options', () => {
    const config = loadConfig({
      EMULATOR_SEED: '42',
      EMULATOR_SPEED: '60',
      EMULATOR_TASKS: '12',
      EMULATOR_DATA_DIR: '/tmp/drs-emulator',
      PORT: '8080',
      CONSOLE_HOST: '0.0.0.0',
      CONSOLE_ALLOWED_ORIGINS: 'https://drs.example.com/, http://10.0.0.5:8080',
      DRS_TIMEOUT_MS: '5000',
    });
    expect(config.emulator).toEqual({ seed: 42, speed: 60, tasks: 12, dataDir: '/tmp/drs-emulator' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.allowedOrigins).toEqual(['https://drs.example.com', 'http://10.0.0.5:8080']);
    expect(config.timeouts).toEqual({ upstreamMs: 5000, iamMs: 30_000 });
  });

  it('reads a static-token cloud configuration', () => {
    const config = loadConfig({
      ...CLOUD,
      DRS_ENDPOINT: 'https://drs.eu-de.otc.t-systems.com/',
      DRS_AUTH_TOKEN: 'MIIabc',
    });
    expect(config).toMatchObject({
      mode: 'cloud',
      endpoint: 'https://drs.eu-de.otc.t-systems.com',
      projectId: PROJECT,
      auth: { kind: 'static-token', token: 'MIIabc' },
    });
  });

  it('reads an IAM cloud configuration, keeping the password as is and accepting an IAM endpoint ending in /v3', () => {
    const config = loadConfig({ ...CLOUD, ...IAM, IAM_ENDPOINT: 'https://iam.eu-de.otc.t-systems.com/v3' });
    expect(config.auth).toEqual({
      kind: 'iam',
      endpoint: 'https://iam.eu-de.otc.t-systems.com',
      username: 'dba',
      password: ' pass word ',
      domain: 'acme',
      project: 'eu-de',
    });
  });

  it('accepts http only for loopback stand-ins', () => {
    expect(
      loadConfig({ ...CLOUD, DRS_ENDPOINT: 'http://127.0.0.1:4010', DRS_AUTH_TOKEN: 't0k3n' }).endpoint,
    ).toBe('http://127.0.0.1:4010');
    expect(
      errorOf({ ...CLOUD, DRS_ENDPOINT: 'http://drs.example.com', DRS_AUTH_TOKEN: 't0k3n' }).message,
    ).toBe(
      'DRS Console: DRS_ENDPOINT must be an https:// URL — set it to the service endpoint, e.g. https://drs.eu-de.otc.t-systems.com (see README "Configuration")',
    );
  });

  it('names the missing project ID exactly as documented', () => {
    const err = errorOf({ DRS_ENDPOINT: CLOUD.DRS_ENDPOINT, DRS_AUTH_TOKEN: 'x' });
    expect(err.variable).toBe('DRS_PROJECT_ID');
    expect(err.message).toBe(
      'DRS Console: DRS_PROJECT_ID is required when DRS_ENDPOINT is set — set it to your project ID (see README "Configuration")',
    );
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['DRS_ENDPOINT', { ...CLOUD, DRS_ENDPOINT: 'not a url', DRS_AUTH_TOKEN: 'x' }, /is not a URL/],
    [
      'DRS_ENDPOINT',
      { ...CLOUD, DRS_ENDPOINT: 'https://drs.example.com/v3/abc', DRS_AUTH_TOKEN: 'x' },
      /API path/,
    ],
    [
      'DRS_ENDPOINT',
      { ...CLOUD, DRS_ENDPOINT: 'https://u:p@drs.example.com', DRS_AUTH_TOKEN: 'x' },
      /credentials/,
    ],
    [
      'DRS_PROJECT_ID',
      { ...CLOUD, DRS_PROJECT_ID: 'abc/../def', DRS_AUTH_TOKEN: 'x' },
      /is not a project ID/,
    ],
    ['DRS_AUTH_TOKEN', { ...CLOUD }, /DRS_AUTH_TOKEN or the IAM_\* variables are required/],
    ['DRS_AUTH_TOKEN', { ...CLOUD, ...IAM, DRS_AUTH_TOKEN: 'x' }, /not both/],
    ['DRS_AUTH_TOKEN', { ...CLOUD, DRS_AUTH_TOKEN: 'two words' }, /white space/],
    ['IAM_ENDPOINT', { ...CLOUD, ...IAM, IAM_ENDPOINT: '' }, /IAM_ENDPOINT is required with/],
    ['IAM_ENDPOINT', { ...CLOUD, ...IAM, IAM_ENDPOINT: 'ftp://iam.example.com' }, /https:\/\//],
    ['IAM_USERNAME', { ...CLOUD, ...IAM, IAM_USERNAME: '' }, /IAM_USERNAME is required/],
    ['IAM_PASSWORD', { ...CLOUD, ...IAM, IAM_PASSWORD: '' }, /IAM_PASSWORD is required/],
    ['IAM_DOMAIN', { ...CLOUD, ...IAM, IAM_DOMAIN: '' }, /IAM_DOMAIN is required/],
    ['IAM_PROJECT', { ...CLOUD, ...IAM, IAM_PROJECT: '' }, /IAM_PROJECT is required/],
    ['PORT', { PORT: 'eighty' }, /is not a port number/],
    ['PORT', { PORT: '70000' }, /is not a port number/],
    ['CONSOLE_HOST', { CONSOLE_HOST: 'http://x/' }, /is not a host name/],
    [
      'CONSOLE_ALLOWED_ORIGINS',
      { CONSOLE_ALLOWED_ORIGINS: 'https://ok.example.com,evil' },
      /invalid origin \("evil"\)/,
    ],
    ['CONSOLE_ALLOWED_ORIGINS', { CONSOLE_ALLOWED_ORIGINS: 'https://a.example.com/path' }, /invalid origin/],
    ['CONSOLE_LANGUAGE', { CONSOLE_LANGUAGE: 'de-de' }, /en-us or zh-cn/],
    ['DRS_TIMEOUT_MS', { DRS_TIMEOUT_MS: '5s' }, /milliseconds/],
    ['IAM_TIMEOUT_MS', { IAM_TIMEOUT_MS: '10' }, /milliseconds/],
    ['EMULATOR_SEED', { EMULATOR_SEED: '1.5' }, /is not an integer/],
    ['EMULATOR_SPEED', { EMULATOR_SPEED: '0' }, /is not a positive number/],
    ['EMULATOR_SPEED', { EMULATOR_SPEED: 'fast' }, /is not a positive number/],
    ['EMULATOR_TASKS', { EMULATOR_TASKS: '-3' }, /is not a task count/],
  ])('rejects a bad %s with one line naming it and the fix', (variable, env, problem) => {
    const err = errorOf(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(problem);
    expect(err.message.startsWith(`DRS Console: ${variable} `)).toBe(true);
    expect(err.message).toContain(' — ');
    expect(err.message.endsWith('(see README "Configuration")')).toBe(true);
    expect(err.message).not.toContain('\n');
  });

  it('never echoes a password or token in an error message', () => {
    const err = errorOf({ ...CLOUD, ...IAM, DRS_AUTH_TOKEN: 'MIIsecret-token' });
    expect(err.message).not.toContain('MIIsecret-token');
    expect(err.message).not.toContain(IAM.IAM_PASSWORD.trim());
  });
});

describe('loadConfigOrExit', () => {
  it('prints the one line to stderr and exits with code 2', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "import { loadConfigOrExit } from './server/config.ts'; loadConfigOrExit(); console.log('unreachable');",
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          DRS_ENDPOINT: 'https://drs.eu-de.otc.t-systems.com',
          DRS_AUTH_TOKEN: 'x',
        },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'DRS Console: DRS_PROJECT_ID is required when DRS_ENDPOINT is set — set it to your project ID (see README "Configuration")',
    ]);
  });
});
