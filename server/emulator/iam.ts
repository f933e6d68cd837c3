/** The IAM token call (reference section 3.2) and the token book. Tokens are opaque random strings. */
import { randomBytes } from 'node:crypto';
import { hash32 } from './rng.ts';

export const DEFAULT_TOKEN_TTL_MS = 24 * 3600 * 1000;

export class TokenBook {
  private tokens = new Map<string, number>();

  constructor(
    private readonly ttlMs = DEFAULT_TOKEN_TTL_MS,
    private readonly staticToken?: string,
  ) {}

  get size(): number {
    return this.tokens.size;
  }

  issue(now: number): { token: string; expiresAt: number } {
    const token = `MII${randomBytes(48).toString('base64url')}`;
    const expiresAt = now + this.ttlMs;
    if (this.tokens.size >= 10_000) for (const [k, exp] of this.tokens) if (exp <= now) this.tokens.delete(k);
    this.tokens.set(token, expiresAt);
    return { token, expiresAt };
  }

  valid(token: string | undefined, now: number): boolean {
    if (!token) return false;
    if (this.staticToken && token === this.staticToken) return true;
    const exp = this.tokens.get(token);
    return exp !== undefined && now < exp;
  }

  /** How many issued tokens (and the static token) occur in `text` — lets tests check for leaks without ever exposing a token. */
  countIn(text: string): number {
    let n = 0;
    for (const token of this.tokens.keys()) if (text.includes(token)) n++;
    if (this.staticToken && text.includes(this.staticToken)) n++;
    return n;
  }

  /** Expires every issued token (the static token stays valid). */
  expireAll(): number {
    const n = this.tokens.size;
    for (const k of this.tokens.keys()) this.tokens.set(k, 0);
    return n;
  }
}

export interface IamError {
  status: number;
  body: { error: { code: number; message: string; title: string } };
}

const iamError = (status: number, title: string, message: string): IamError => ({
  status,
  body: { error: { code: status, message, title } },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Checks a password token request; returns the identity or an IAM error. */
export function checkPasswordRequest(
  body: Json,
  requiredPassword: string | undefined,
): { user: string; domain: string; project: { id: string; name: string } } | IamError {
  const identity = body?.auth?.identity;
  const methods = identity?.methods;
  const user = identity?.password?.user;
  if (!Array.isArray(methods) || !methods.includes('password') || !user || typeof user !== 'object')
    return iamError(400, 'Bad Request', 'The request you have made requires authentication.');
  if (typeof user.name !== 'string' || !user.name || typeof user.password !== 'string' || !user.password)
    return iamError(400, 'Bad Request', 'The request you have made requires authentication.');
  const domain = user.domain?.name ?? user.domain?.id;
  if (typeof domain !== 'string' || !domain)
    return iamError(400, 'Bad Request', 'Expecting to find domain in user.');
  if (requiredPassword !== undefined && user.password !== requiredPassword)
    return iamError(401, 'Unauthorized', 'The username or password is wrong.');
  const scope = body?.auth?.scope?.project;
  const name = typeof scope?.name === 'string' ? scope.name : 'eu-de';
  const id =
    typeof scope?.id === 'string' && scope.id
      ? scope.id
      : Array.from({ length: 4 }, (_, i) => hash32(`${name}|${i}`).toString(16).padStart(8, '0')).join('');
  return { user: user.name, domain, project: { id, name } };
}
