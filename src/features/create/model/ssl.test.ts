import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { encodeCertificate } from './ssl';

// A known (self-signed, test-only) PEM header+body; its base64 and SHA-256 are checked against Node's own.
const PEM = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUQk3n0q1x8Vx9b0Y1dC5m3i0m5aYwCgYIKoZIzj0EAwIw
-----END CERTIFICATE-----
`;

describe('SSL certificate encoding', () => {
  it('base64 of the file bytes and SHA-256 hex, as Node computes them', async () => {
    const bytes = new TextEncoder().encode(PEM);
    const enc = await encodeCertificate('ca.pem', bytes);
    expect(enc.name).toBe('ca.pem');
    expect(enc.base64).toBe(Buffer.from(PEM).toString('base64'));
    expect(enc.sha256).toBe(createHash('sha256').update(PEM).digest('hex'));
    expect(enc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('binary (.p12-like) content larger than one chunk round-trips', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const enc = await encodeCertificate('client.p12', bytes);
    expect(Buffer.from(enc.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
