/**
 * The keep-alive race. Keep-alive agents reuse idle sockets; servers close idle sockets after their keep-alive
 * timeout (the emulator's and Node's: 5 s). When the agent hands out a socket at the instant the server closes it,
 * the request fails with ECONNRESET, EPIPE or "socket hang up" although the server never processed it. Node's docs
 * recommend retrying exactly that case: https://nodejs.org/api/http.html#requestreusedsocket
 *
 * The rule here: retry once, on a new connection, when the socket was reused, the error is one of those, and not
 * one byte of an answer arrived on the socket for this request.
 *
 * Why this is safe for non-idempotent requests (POST creating a task, a batch delete…): a server that closes an
 * idle keep-alive socket does so because no request was in flight on it; the request written into the closing
 * socket never reached the server's HTTP parser, so resending it cannot run the operation twice. Once any response
 * byte arrived the server did see the request, and it is never resent. A body that cannot be resent (a stream
 * larger than the buffer limit) is sent on a new connection from the start, where the race cannot happen.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** ECONNRESET / EPIPE / "socket hang up" (Node gives the last the code ECONNRESET, but not every version did). */
export function isStaleSocketError(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | undefined;
  return STALE_SOCKET_CODES.has(e?.code ?? '') || e?.message === 'socket hang up';
}

export interface RetryOptions {
  /**
   * Creates the request and writes its whole body. `fresh`: use a new connection (`agent: false`), not a pooled
   * keep-alive socket. Called a second time for the retry, so the body must be in memory.
   */
  open(fresh: boolean): ClientRequest;
  /** False when the body can be sent only once: then a single attempt goes on a new connection. */
  resendable: boolean;
  /** Called before the retry (for the log line). */
  onRetry?(err: Error): void;
}

/** Sends a request; resolves with the response head, retrying once on a stale keep-alive socket (see above). */
export async function requestWithStaleSocketRetry(opts: RetryOptions): Promise<IncomingMessage> {
  if (!opts.resendable) return attempt(opts.open(true));
  try {
    return await attempt(opts.open(false));
  } catch (err) {
    if (!(err instanceof StaleSocket)) throw err;
    opts.onRetry?.(err.original);
    // A new connection: not reused, so this attempt never qualifies for another retry.
    return attempt(opts.open(true));
  }
}

class StaleSocket extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}

/** One attempt; rejects with StaleSocket when it failed in the retryable way. */
function attempt(req: ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    let socket: Socket | undefined;
    let bytesReadBefore = 0;
    let settled = false;
    req.on('socket', (s: Socket) => {
      socket = s;
      bytesReadBefore = s.bytesRead;
    });
    req.on('response', (res) => {
      settled = true;
      resolve(res);
    });
    req.on('error', (err) => {
      if (settled) return;
      settled = true;
      const nothingAnswered = socket !== undefined && socket.bytesRead === bytesReadBefore;
      reject(req.reusedSocket && nothingAnswered && isStaleSocketError(err) ? new StaleSocket(err) : err);
    });
  });
}
