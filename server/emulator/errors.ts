/**
 * One factory for every DRS error the emulator answers, over the codes of appendix A.3
 * (api/drs-error-codes.yaml → src/generated/drs-error-codes.ts): code → HTTP status + message.
 * `%s` placeholders in the message are filled, in order, with the arguments.
 */
import { DRS_ERROR_CODES } from '../../src/generated/drs-error-codes.ts';

export interface DrsErrorBody {
  error_code: string;
  error_msg: string;
}

export class DrsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly args: readonly (string | number)[] = [],
  ) {
    super(message);
    this.name = 'DrsError';
  }

  get body(): DrsErrorBody {
    return { error_code: this.code, error_msg: this.message };
  }

  /** The message in the request's language (X-Language): zh-cn uses appendix A.3's Chinese text when there is one. */
  messageIn(language: string): string {
    if (language !== 'zh-cn') return this.message;
    const zh = DRS_ERROR_CODES[this.code]?.meaning.zh;
    return zh ? formatMessage(zh, this.args) : this.message;
  }

  bodyIn(language: string): DrsErrorBody {
    return { error_code: this.code, error_msg: this.messageIn(language) };
  }
}

/** Fills `%s` placeholders in order; leftover placeholders take the last argument or are removed. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  let i = 0;
  return template.replace(/%s/g, () => {
    const v = args[i] ?? args[args.length - 1];
    i += 1;
    return v === undefined ? '' : String(v);
  });
}

/** The DRS error for `code` (appendix A.3); unknown codes fall back to HTTP 400 with the code itself as message. */
export function drsError(code: string, ...args: (string | number)[]): DrsError {
  const info = DRS_ERROR_CODES[code];
  if (!info) return new DrsError(code, 400, args.length ? String(args[0]) : code, args);
  return new DrsError(code, info.http_status, formatMessage(info.message, args), args);
}

/** The message of `code` (for per-item results and connection-test answers), in English. */
export function drsMessage(code: string, ...args: (string | number)[]): string {
  return drsError(code, ...args).message;
}

/** The message of `code` in a request language (en-us | zh-cn). */
export function drsMessageIn(language: string, code: string, ...args: (string | number)[]): string {
  return drsError(code, ...args).messageIn(language);
}

/** DRS.M00201: the parameter is empty. */
export const emptyParam = (name: string) => drsError('DRS.M00201', name);
/** DRS.M00202: the value of the parameter is invalid. */
export const invalidParam = (name: string) => drsError('DRS.M00202', name);
/** DRS.M00289: a task id that this project does not hold. */
export const taskNotFound = (id: string) => drsError('DRS.M00289', id);
/** DRS.M00304: the operation is not allowed in the task's status. */
export const statusNotAllowed = () => drsError('DRS.M00304');
