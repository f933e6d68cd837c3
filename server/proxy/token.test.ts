import { describe, expect, it } from 'vitest';
import { cachedFrom, refreshMarginMs } from './token.ts';

const HOUR = 3600_000;

describe('token lifetime', () => {
  it('refreshes with max(10 %, 1 h) left, at most half-way', () => {
    expect(refreshMarginMs(24 * HOUR)).toBe(2.4 * HOUR);
    expect(refreshMarginMs(5 * HOUR)).toBe(HOUR);
    expect(refreshMarginMs(HOUR)).toBe(0.5 * HOUR);
  });

  it('measures the lifetime on the IAM clock when issued_at is given (clock skew)', () => {
    const received = Date.parse('2026-01-01T00:00:00Z');
    // IAM's clock is three days ahead of ours.
    const body = JSON.stringify({
      token: { issued_at: '2026-01-04T00:00:00.000000Z', expires_at: '2026-01-05T00:00:00.000000Z' },
    });
    const c = cachedFrom('t', body, received);
    expect(c.expiresAt - received).toBe(24 * HOUR);
    expect(c.refreshAt - received).toBe(24 * HOUR - 2.4 * HOUR);
  });

  it('compares expires_at with the local clock without issued_at, and falls back to one hour', () => {
    const received = Date.parse('2026-01-01T00:00:00Z');
    expect(cachedFrom('t', '{"token":{"expires_at":"2026-01-01T10:00:00Z"}}', received).expiresAt).toBe(
      received + 10 * HOUR,
    );
    expect(cachedFrom('t', '{"token":{"expires_at":"2025-01-01T00:00:00Z"}}', received).expiresAt).toBe(
      received + HOUR,
    );
    expect(cachedFrom('t', 'not json', received).expiresAt).toBe(received + HOUR);
  });
});
