import Papa from 'papaparse';
import type { SampleRow, SeriesKey } from '../../model/series';

/** CSV of rows (full resolution, oldest first): ISO time, then one column per series as the service sent it. */
export function rowsToCsv(rows: readonly SampleRow[], series: readonly SeriesKey[]): string {
  return Papa.unparse({
    fields: ['time', ...series],
    data: rows.map((r) => [new Date(r.t).toISOString(), ...series.map((k) => r.values[k] ?? '')]),
  });
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const PAINT = [
  'stroke',
  'fill',
  'stop-color',
  'color',
  'font-family',
  'font-size',
  'opacity',
  'fill-opacity',
];

/**
 * The chart's SVG as a PNG blob: the computed colours are written into a copy (CSS variables do not resolve inside
 * an image), drawn on a canvas over the page background.
 */
export async function svgToPng(svg: SVGSVGElement, background: string): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [copy, ...copy.querySelectorAll('*')];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    const out = target[i] as SVGElement | undefined;
    if (!out) return;
    for (const prop of PAINT) {
      const v = style.getPropertyValue(prop);
      if (v) out.style.setProperty(prop, v);
    }
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('chart image failed to load'));
      image.src = url;
    });
    const scale = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.scale(scale, scale);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
