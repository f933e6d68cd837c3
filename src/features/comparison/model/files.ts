import Papa from 'papaparse';

/** Browser-side files: the visible table as CSV, and saving a Blob under a name (object URL + `<a download>`). */

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  // a BOM so spreadsheet programs read UTF-8 (Chinese names); formulas are neutralised by papaparse's escape option
  return `\uFEFF${Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { escapeFormulae: true })}`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoke after the browser took the download
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The visible table saved as a CSV file (what the report tables and object details export). */
export function saveCsv(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  saveBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** The browser's offset as the `time_zone` of 4.1.36 ("GMT+08:00"). */
export function gmtOffset(date: Date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `GMT${sign}${hh}:${mm}`;
}

/** A file name part without characters file systems refuse. */
export const safeFilePart = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 80);
