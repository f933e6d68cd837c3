/**
 * Reads the examples of chapter 4 out of the DRS API reference (a PDF conversion) so tests can replay them.
 *
 * For each section 4.x.y: the method and path template of its URI, every "Example Request" (URL and JSON body)
 * and every "Example Response" (status and JSON body), and the status codes the section lists.
 * PDF page breaks cut some JSON blocks in two and wrap some URLs: `repairJson` joins the pieces and closes
 * brackets; what still cannot be used is reported in `unusable`, with the reason.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExampleRequest {
  /** Path after /v3/{project_id}, with the example's own ids and query string, e.g. `/jobs/abc/line-overview?limit=10`. */
  path: string;
  body?: unknown;
  /** The bullet text that introduces the example, when there is one. */
  title?: string;
}

export interface ReferenceSection {
  section: string;
  title: string;
  method: string;
  /** URI template, e.g. `/v3/{project_id}/jobs/{job_id}/table/compare`. */
  uri: string;
  requests: ExampleRequest[];
  responses: Array<{ status: number; body?: unknown }>;
  statusCodes: number[];
  unusable: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
export const REFERENCE_PATH = join(here, '../../../shared/reference/drs-openapi-reference.md');

const unescape = (s: string) => s.replace(/\\_/g, '_').replace(/\{\{/g, '{').replace(/\}\}/g, '}');

/**
 * String-aware bracket repair: a raw line break inside a string becomes a space, a closer that does not match
 * closes what is open above it, a closer with nothing open is dropped, trailing commas go, and whatever is
 * still open at the end is closed.
 */
export function closeJson(text: string): string {
  const src = text.replace(/\{"\s*\n/g, '{\n');
  const stack: string[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inString) {
      if (c === '\\') {
        out += c + (src[i + 1] ?? '');
        i++;
      } else if (c === '\n' || c === '\r') {
        if (!out.endsWith(' ')) out += ' ';
        while (/\s/.test(src[i + 1] ?? '')) i++;
      } else {
        if (c === '"') inString = false;
        out += c;
      }
      continue;
    }
    if (c === '"') {
      // A `"key":` met inside an array: the array's closer was lost; close it first.
      const close = src.indexOf('"', i + 1);
      if (stack[stack.length - 1] === ']' && close > 0 && /^\s*:/.test(src.slice(close + 1, close + 40)))
        out = /,\s*$/.test(out) ? out.replace(/,(\s*)$/, `${stack.pop()},$1`) : out + stack.pop();
      inString = true;
    }
    if (c === '{') stack.push('}');
    else if (c === '[') stack.push(']');
    else if (c === '}' || c === ']') {
      const at = stack.lastIndexOf(c);
      if (at < 0) continue;
      while (stack.length - 1 > at) out += stack.pop();
      stack.pop();
    }
    out += c;
  }
  if (inString) out += '"';
  out = out.trimEnd().replace(/,\s*$/, '') + stack.reverse().join('');
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Escapes inside a JSON-in-a-string value mangled by the conversion (`\\\"`, `\\"`): one `\"` each. */
function fixEscapes(text: string): string {
  return text.replace(/\\+"/g, '\\"');
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    for (const attempt of [closeJson(text), closeJson(fixEscapes(text))]) {
      try {
        return { ok: true, value: JSON.parse(attempt) };
      } catch {
        // next attempt
      }
    }
    return { ok: false };
  }
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n; v; v >>= 1) c += v & 1;
  return c;
}

/** A value at the end of a line followed by a `"key"` on the next: the conversion dropped the comma. */
function addMissingCommas(text: string): string {
  return text.replace(/(["\d\]}el])([ \t]*\n[ \t]*")/g, '$1,$2');
}

/**
 * Parses one example made of one or more code blocks. A block cut by a page break ends with premature closers
 * (`} ] }`) and the continuation block starts mid-object: the closers are dropped, the blocks joined, missing
 * commas put back and what is open closed. When every block parses alone, the first one is the example.
 */
export function repairJson(blocks: string[]): { value?: unknown; lastAttempt?: string } {
  const parsed = blocks.map(tryParse);
  if (blocks.length === 1) return parsed[0]?.ok ? { value: parsed[0].value } : {};
  const strict = blocks.map((b) => {
    try {
      return { ok: true as const, value: JSON.parse(b) as unknown };
    } catch {
      return { ok: false as const };
    }
  });
  if (strict.every((p) => p.ok)) return { value: strict[0]!.value };
  const joined = blocks.map((b, i) => (i < blocks.length - 1 ? b.replace(/[\s}\]]*$/, '') : b)).join('\n');
  // Repairs, applied cumulatively until the text parses: missing commas at line ends; values the conversion
  // left unquoted (`add_table`.`PRIMARY`); an array closed inside an object followed by the next array item
  // (`], {` → `]}, {`); and, last, an object whose opening brace fell into a page break (`}, "key"` → `}, {"key"`).
  const repairs: Array<(t: string) => string> = [
    addMissingCommas,
    (t) =>
      t.replace(
        /(:\s*)(`[^\n]*?)(\s*,?[ \t]*)$/gm,
        (_m, a: string, v: string, z: string) => `${a}${JSON.stringify(v)}${z}`,
      ),
    (t) => t.replace(/\](\s*),(\s*)\{/g, ']$1},$2{'),
    (t) => t.replace(/\},(\s*)"/g, '}, {$1"'),
  ];
  repairs.splice(3, 0, (t) => t.replace(/\[(\s*"[^"\n]+"\s*:)/g, '{$1'));
  // Every combination of the repairs, fewest first: each repair is right for some cut and wrong for others.
  let attempt = joined;
  const combos = Array.from({ length: 2 ** repairs.length }, (_, mask) => mask).sort(
    (x, y) => bitCount(x) - bitCount(y) || x - y,
  );
  for (const mask of combos) {
    attempt = repairs.reduce((t, repair, i) => (mask & (1 << i) ? repair(t) : t), joined);
    const p = tryParse(attempt);
    if (p.ok) return { value: p.value };
  }
  if (parsed[0]?.ok) return { value: parsed[0].value };
  return { lastAttempt: closeJson(attempt) };
}

function codeBlocks(lines: string[]): Array<{ start: number; end: number; text: string }> {
  const blocks: Array<{ start: number; end: number; text: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim().startsWith('```')) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith('```'); i++) body.push(lines[i]!);
      blocks.push({ start, end: i, text: body.join('\n').replace(/\u00a0/g, ' ') });
    }
  }
  return blocks;
}

const URL_RE = /(?:https?:\/\/)?\{*[A-Za-z_]*\}*\/?v3\/([^/\s>]+)(\/[^\s>`]*)/;

export function readReferenceSections(text = readFileSync(REFERENCE_PATH, 'utf8')): ReferenceSection[] {
  const lines = text.split('\n');
  const heads: Array<{ line: number; section: string; title: string }> = [];
  lines.forEach((l, i) => {
    const m = /^#{1,4} (4\.\d+\.\d+) (.+?)\s*$/.exec(l);
    if (m) heads.push({ line: i, section: m[1]!, title: m[2]! });
  });
  const appendix = lines.findIndex((l) => /^# A Appendix/.test(l));
  return heads.map((head, k) => {
    const end = heads[k + 1]?.line ?? (appendix > 0 ? appendix : lines.length);
    const body = lines.slice(head.line, end);
    const find = (re: RegExp, from = 0) => body.findIndex((l, i) => i >= from && re.test(l));
    const uriLine = body.find((l) => /^(GET|POST|PUT|DELETE) \/v3\//.test(unescape(l).trim()));
    const [method = '', uri = ''] = uriLine ? unescape(uriLine).trim().split(/\s+/) : [];
    const reqStart = find(/Example Request/);
    const resStart = find(/Example Response/);
    const statusStart = find(/^#+ Status Code\s*$/, resStart > 0 ? resStart : 0);
    const unusable: string[] = [];

    // Requests: a sequence of URLs (a `<https://…>` line, or a code block whose first line is the URL) each
    // followed by the code blocks of its body, until the next URL.
    const requests: ExampleRequest[] = [];
    if (reqStart >= 0) {
      const reqLines = body.slice(reqStart, resStart > reqStart ? resStart : undefined);
      const blocks = codeBlocks(reqLines);
      type Token = { kind: 'url'; line: number; path: string } | { kind: 'body'; line: number; text: string };
      const tokens: Token[] = [];
      reqLines.forEach((l, i) => {
        if (blocks.some((b) => i >= b.start && i <= b.end)) return;
        const m = URL_RE.exec(unescape(l));
        if (m) tokens.push({ kind: 'url', line: i, path: m[2]!.replace(/\]\(.*$/, '') });
      });
      for (const b of blocks) {
        const blines = b.text.split('\n');
        const firstIdx = blines.findIndex((x) => x.trim() !== '');
        const first = unescape(blines[firstIdx] ?? '')
          .trim()
          .replace(/^(GET|POST|PUT|DELETE)\s+/, '');
        const m = URL_RE.exec(first);
        if (m && !first.startsWith('{') && !first.startsWith('"')) {
          let path = m[2]!;
          let rest = blines.slice(firstIdx + 1);
          // A path or query string wrapped onto the next line of the block.
          if (
            path.endsWith('?') ||
            /^[A-Za-z0-9_]+=/.test(rest[0]?.trim() ?? '') ||
            (path.endsWith('/') && /^[A-Za-z0-9_\-/]+$/.test(rest[0]?.trim() ?? ''))
          ) {
            path += (rest[0] ?? '').trim();
            rest = rest.slice(1);
          }
          tokens.push({ kind: 'url', line: b.start, path });
          const remaining = rest.join('\n').trim();
          if (remaining) tokens.push({ kind: 'body', line: b.start + 0.5, text: remaining });
        } else {
          tokens.push({ kind: 'body', line: b.start, text: b.text });
        }
      }
      tokens.sort((a, b) => a.line - b.line);
      const urls = tokens.filter((t) => t.kind === 'url');
      urls.forEach((u, idx) => {
        const nextLine = urls[idx + 1]?.line ?? Infinity;
        const mine = tokens
          .filter(
            (t): t is Extract<Token, { kind: 'body' }> =>
              t.kind === 'body' && t.line > u.line && t.line < nextLine,
          )
          .map((t) => t.text);
        const prev = reqLines
          .slice(0, Math.floor(u.line))
          .reverse()
          .find((x) => x.trim() !== '' && !x.trim().startsWith('```') && !URL_RE.test(x));
        const request: ExampleRequest = {
          path: unescape(u.path).replace(/>$/, '').replace(/\s+/g, ''),
          title: prev?.trim().replace(/^- /, '').replace(/\*\*/g, ''),
        };
        if (mine.length && method !== 'GET') {
          const { value } = repairJson(mine);
          if (value === undefined) unusable.push(`request ${idx + 1}: body is not JSON even after repair`);
          else request.body = value;
        }
        requests.push(request);
      });
      if (!urls.length) unusable.push('no example request URL');
    }

    // Responses: "Status code: NNN" markers followed by code blocks.
    const responses: Array<{ status: number; body?: unknown }> = [];
    if (resStart >= 0) {
      const resLines = body.slice(resStart, statusStart > resStart ? statusStart : undefined);
      const blocks = codeBlocks(resLines);
      const markers: Array<{ line: number; status: number }> = [];
      resLines.forEach((l, i) => {
        const m = /Status code:\s*(\d{3})/.exec(l);
        if (m) markers.push({ line: i, status: Number(m[1]) });
      });
      if (!markers.length) markers.push({ line: 0, status: 200 });
      const isProse = (i: number) =>
        !blocks.some((b) => i >= b.start && i <= b.end) && /^\s*- /.test(resLines[i] ?? '');
      markers.forEach((mk, idx) => {
        const nextLine = markers[idx + 1]?.line ?? Infinity;
        const mine = blocks.filter((b) => b.start > mk.line && b.start < nextLine);
        if (!mine.length) {
          responses.push({ status: mk.status });
          return;
        }
        // Split into examples where a "- Example response for …" line stands between blocks.
        const groups: string[][] = [[]];
        mine.forEach((b, k) => {
          const prev = mine[k - 1];
          if (prev && resLines.slice(prev.end + 1, b.start).some((_, j) => isProse(prev.end + 1 + j)))
            groups.push([]);
          groups[groups.length - 1]!.push(b.text);
        });
        groups.forEach((g, gi) => {
          const { value } = repairJson(g);
          if (value === undefined)
            unusable.push(`response ${mk.status} #${gi + 1}: body is not JSON even after repair`);
          responses.push({ status: mk.status, body: value });
        });
      });
    }

    const statusCodes: number[] = [];
    if (statusStart >= 0) {
      for (const l of body.slice(statusStart + 1)) {
        const m = /^(\d{3})\s/.exec(l.trim());
        if (m) statusCodes.push(Number(m[1]));
        if (/^#+ Error Code/.test(l)) break;
      }
    }
    return {
      section: head.section,
      title: head.title,
      method,
      uri,
      requests,
      responses,
      statusCodes,
      unusable,
    };
  });
}
