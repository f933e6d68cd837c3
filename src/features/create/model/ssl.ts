/** An SSL certificate read in the browser: base64 content and its SHA-256 (hex), as 4.1.2 expects. */
export interface EncodedCert {
  name: string;
  base64: string;
  sha256: string;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

const hex = (buf: ArrayBuffer) =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * `ssl_cert_key` is the certificate file base64-encoded; `ssl_cert_check_sum` is the SHA-256 of that content
 * (the reference: "the checksum value of the SSL certificate content encrypted using SHA256"), computed over the
 * file bytes.
 */
export async function encodeCertificate(name: string, bytes: Uint8Array): Promise<EncodedCert> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return { name, base64: bytesToBase64(bytes), sha256: hex(digest) };
}

export async function encodeCertificateFile(file: File): Promise<EncodedCert> {
  return encodeCertificate(file.name, new Uint8Array(await file.arrayBuffer()));
}
