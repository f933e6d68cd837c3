import { DRS_ERROR_CODES, type DrsErrorCodeInfo } from '../../generated/drs-error-codes';
import type { Language } from '../i18n';

/** What went wrong: the service answered with an error (`http`), it could not be reached, or it answered non-JSON. */
export type DrsErrorKind = 'http' | 'network' | 'parse';

export interface DrsErrorExplanation {
  /** What the code means, in the requested language (empty when the code is unknown). */
  meaning: string;
  /** What to do about it, in the requested language (empty when the code is unknown). */
  fix: string;
  /** The code is listed in appendix A.3. */
  known: boolean;
}

export function lookupErrorCode(code: string | undefined): DrsErrorCodeInfo | undefined {
  if (!code) return undefined;
  return DRS_ERROR_CODES[code.replace(/\s+/g, '')];
}

/** Meaning and fix of a DRS error code in one language (falls back to English where the Chinese is missing). */
export function explainErrorCode(code: string | undefined, language: Language): DrsErrorExplanation {
  const info = lookupErrorCode(code);
  if (!info) return { meaning: '', fix: '', known: false };
  const lang = language === 'zh-cn' ? 'zh' : 'en';
  return {
    meaning: info.meaning[lang] || info.meaning.en,
    fix: info.fix[lang] || info.fix.en,
    known: true,
  };
}

export interface DrsApiErrorInit {
  kind: DrsErrorKind;
  status?: number;
  code?: string;
  rawMessage?: string;
  operation?: string;
  body?: unknown;
  cause?: unknown;
}

/** The one error type every server call raises. Components show it with `DrsErrorAlert`. */
export class DrsApiError extends Error {
  override readonly name = 'DrsApiError';
  readonly kind: DrsErrorKind;
  /** HTTP status (absent for network failures). */
  readonly status: number | undefined;
  /** DRS error code, e.g. DRS.M00202 (absent when the body carried none). */
  readonly code: string | undefined;
  /** `error_msg` as the service wrote it (in the X-Language it was asked for). */
  readonly rawMessage: string | undefined;
  /** Method and path of the failed call, e.g. "POST /jobs/batch-status". */
  readonly operation: string | undefined;
  /** The parsed response body, kept for batch answers whose items carry their own codes. */
  readonly body: unknown;

  constructor(init: DrsApiErrorInit) {
    const summary =
      init.kind === 'network'
        ? 'network error'
        : init.kind === 'parse'
          ? `HTTP ${init.status ?? '?'}: response is not JSON`
          : `HTTP ${init.status ?? '?'}${init.code ? ` ${init.code}` : ''}${init.rawMessage ? `: ${init.rawMessage}` : ''}`;
    super(init.operation ? `${init.operation} failed: ${summary}` : summary, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code ? init.code.replace(/\s+/g, '') : undefined;
    this.rawMessage = init.rawMessage;
    this.operation = init.operation;
    this.body = init.body;
  }

  /** Meaning and fix of `code` in a language (from appendix A.3 via src/generated/drs-error-codes.ts). */
  explain(language: Language): DrsErrorExplanation {
    return explainErrorCode(this.code, language);
  }

  /** A client error (4xx): retrying the same request will not help. */
  get isClientError(): boolean {
    return this.kind === 'http' && this.status !== undefined && this.status >= 400 && this.status < 500;
  }
}

export function isDrsApiError(error: unknown): error is DrsApiError {
  return error instanceof DrsApiError;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads `{error_code, error_msg}` from an error body. Batch answers that fail as a whole (e.g. "not found" is
 * HTTP 400 with `results[0].error_code`) carry the code in their first failed item instead.
 */
export function errorFieldsOf(body: unknown): { code?: string; message?: string } {
  if (!isObj(body)) return {};
  const code = str(body.error_code);
  const message = str(body.error_msg) ?? str(body.error_message) ?? str(body.message);
  if (code || message) return { code, message };
  const results = Array.isArray(body.results) ? body.results : Array.isArray(body.jobs) ? body.jobs : [];
  for (const item of results) {
    if (isObj(item) && str(item.error_code)) {
      return { code: str(item.error_code), message: str(item.error_msg) ?? str(item.error_message) };
    }
  }
  return {};
}
