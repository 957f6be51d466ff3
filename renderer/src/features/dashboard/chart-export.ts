// A chart as a picture: its SVG serialized with a title and a white background (the text colours
// the theme gives by CSS resolved into the file), and a PNG drawn from that SVG on a canvas — the
// picture the briefing pack embeds. The file goes through the host (saved in Electron, downloaded
// in the browser).
import { getHost } from '../../host';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAINT = ['fill', 'stroke'] as const;

/** A stand-alone SVG document of the chart drawn in `container`, with `title` above it. */
export function chartSvg(container: HTMLElement, title: string): { svg: string; width: number; height: number } {
  // The chart's own surface (the legend is HTML under it).
  const source = container.querySelector('.recharts-wrapper > svg.recharts-surface');
  if (!(source instanceof SVGSVGElement)) throw new Error('no chart to export');
  const box = source.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const head = 36;
  const legend = legendItems(container);
  const legendHeight = legend.length > 0 ? 28 : 0;
  const height = chartHeight + head + legendHeight;
  const clone = source.cloneNode(true) as SVGSVGElement;
  // Colours and fonts set by CSS (theme variables, inline styles) do not travel with the markup:
  // written in as attributes — theme-coloured text dark on the white page, whatever the theme.
  const originals = source.querySelectorAll('*');
  clone.querySelectorAll('*').forEach((el, i) => {
    const orig = originals[i];
    if (!(orig instanceof SVGElement) || !(el instanceof SVGElement)) return;
    const isText = el.tagName === 'text' || el.tagName === 'tspan';
    for (const prop of PAINT) {
      const attr = el.getAttribute(prop) ?? '';
      const styled = orig.style.getPropertyValue(prop);
      if (attr.includes('var(') || styled.includes('var(')) {
        el.setAttribute(prop, isText && prop === 'fill' ? '#222222' : getComputedStyle(orig).getPropertyValue(prop) || '#222222');
      } else if (styled) {
        el.setAttribute(prop, styled);
      }
    }
    for (const prop of ['font-size', 'font-weight'] as const) {
      const styled = orig.style.getPropertyValue(prop);
      if (styled) el.setAttribute(prop, styled);
    }
    el.removeAttribute('style');
  });
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(head));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  clone.removeAttribute('style');
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', 'DejaVu Sans, Arial, sans-serif');
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  const heading = doc.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '12');
  heading.setAttribute('y', '24');
  heading.setAttribute('font-size', '16');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', '#222222');
  heading.textContent = title;
  root.append(bg, heading, doc.importNode(clone, true));
  // The legend is HTML in the page (charts.tsx): drawn here as swatches and text under the chart.
  let x = 12;
  for (const item of legend) {
    const swatch = doc.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(head + chartHeight + 8));
    swatch.setAttribute('width', '12');
    swatch.setAttribute('height', '12');
    swatch.setAttribute('fill', item.color);
    const label = doc.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x + 16));
    label.setAttribute('y', String(head + chartHeight + 18));
    label.setAttribute('font-size', '12');
    label.setAttribute('fill', '#222222');
    label.textContent = item.text;
    root.append(swatch, label);
    x += 16 + item.text.length * 7 + 20;
  }
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

/** The entries of the chart's legend: text and swatch colour. */
function legendItems(container: HTMLElement): { text: string; color: string }[] {
  return [...container.querySelectorAll<HTMLElement>('[data-legend-color]')].map((item) => ({
    text: (item.textContent ?? '').trim(),
    color: item.dataset.legendColor || '#222222',
  }));
}

/** PNG bytes of an SVG document, drawn at `scale` (2: sharp in a printed pack). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob || blob.size === 0) throw new Error('empty image');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the chart in `container` as `name.png` or `name.svg`; returns the file name. */
export async function exportChart(container: HTMLElement, title: string, name: string, format: 'png' | 'svg'): Promise<string> {
  const { svg, width, height } = chartSvg(container, title);
  const suggestedName = `${name}.${format}`;
  const bytes: Uint8Array<ArrayBuffer> = format === 'svg' ? new TextEncoder().encode(svg) : await svgToPng(svg, width, height);
  await getHost().saveFile({ suggestedName, mimeType: format === 'svg' ? 'image/svg+xml' : 'image/png', bytes });
  return suggestedName;
}
