/**
 * A chart as a file of its own: its SVG serialized with every style inlined, its legend drawn in,
 * and the Sarabun faces it uses embedded as data, so the file renders the same anywhere (an SVG
 * opened alone, or drawn to an image, sees none of the page's styles or fonts); and the same SVG
 * drawn at twice its size into a PNG for slides. Browser-only (DOM, canvas).
 */

/** The presentation properties recharts' SVG takes from CSS and attributes, copied as computed. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's own SVG inside a figure (recharts also draws small SVGs as legend icons). */
export function chartSvgOf(figure: HTMLElement): SVGSVGElement | null {
  return figure.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
}

function inlineStyles(source: Element, target: Element): void {
  const computed = window.getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t);
  }
}

/** Legend entries as drawn: the series' colour and name (recharts draws its legend in HTML). */
function legendEntries(figure: HTMLElement): { color: string; text: string }[] {
  return [...figure.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((item) => {
    const label = item.querySelector<HTMLElement>('.recharts-legend-item-text') ?? item;
    return { color: window.getComputedStyle(label).color, text: (label.textContent ?? '').trim() };
  });
}

/** Sarabun's Thai and Latin faces from the page's own stylesheets, as @font-face rules with data URLs. */
async function embeddedFontCss(): Promise<string> {
  const faces: { rule: CSSFontFaceRule; url: string }[] = [];
  for (const sheet of [...document.styleSheets]) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of [...rules]) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      if (!/sarabun/i.test(rule.style.getPropertyValue('font-family'))) continue;
      const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(rule.style.getPropertyValue('src'))?.[1];
      // Thai and basic Latin cover every label; Vietnamese and Latin Extended are not drawn here.
      if (url && !/vietnamese|latin-ext/.test(url))
        faces.push({ rule, url: new URL(url, sheet.href ?? location.href).href });
    }
  }
  const css = await Promise.all(
    faces.map(async ({ rule, url }) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const style = rule.style;
      return `@font-face{font-family:Sarabun;font-style:${style.getPropertyValue('font-style') || 'normal'};font-weight:${style.getPropertyValue('font-weight') || '400'};src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2');unicode-range:${style.getPropertyValue('unicode-range') || 'U+0-10FFFF'};}`;
    }),
  );
  return css.join('\n');
}

export interface ChartFile {
  svg: string;
  width: number;
  height: number;
}

/** The figure's chart as standalone SVG text: white background, inlined styles, legend, fonts. */
export async function chartSvgFile(figure: HTMLElement): Promise<ChartFile | null> {
  const source = chartSvgOf(figure);
  if (!source) return null;
  const box = source.getBoundingClientRect();
  const width = Math.round(box.width);
  const chartHeight = Math.round(box.height);
  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone);
  const fontPx = Number.parseFloat(window.getComputedStyle(figure).fontSize) || 16;
  // The legend, wrapped into rows under the plot (~0.55 em a character: Sarabun, errs wide).
  const legend = document.createElementNS(SVG_NS, 'g');
  let x = 8;
  let y = chartHeight + fontPx;
  for (const entry of legendEntries(figure)) {
    const itemWidth = fontPx * (1.6 + entry.text.length * 0.55);
    if (x > 8 && x + itemWidth > width) {
      x = 8;
      y += fontPx * 1.6;
    }
    const swatch = document.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: y - fontPx * 0.8, width: fontPx * 0.9, height: fontPx * 0.9 }))
      swatch.setAttribute(k, String(v));
    swatch.setAttribute('style', `fill:${entry.color}`);
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + fontPx * 1.2));
    text.setAttribute('y', String(y));
    text.setAttribute('style', `fill:#111;font-family:Sarabun,sans-serif;font-size:${fontPx}px`);
    text.textContent = entry.text;
    legend.append(swatch, text);
    x += itemWidth;
  }
  const height = Math.ceil(legend.childNodes.length > 0 ? y + fontPx * 0.8 : chartHeight);
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: 0, y: 0, width, height })) background.setAttribute(k, String(v));
  background.setAttribute('style', 'fill:#fff');
  const fonts = document.createElementNS(SVG_NS, 'style');
  fonts.textContent = await embeddedFontCss();
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(fonts, clone.firstChild);
  clone.append(legend);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('font-family', 'Sarabun, sans-serif');
  clone.removeAttribute('class');
  return { svg: new XMLSerializer().serializeToString(clone), width, height };
}

/** How long the fonts embedded in the SVG get to load before the PNG is drawn (data, no network). */
const FONT_LOAD_MS = 400;

/** The SVG drawn into a PNG at `scale` times its size (2: sharp on a slide or a projector). */
export async function chartPngBlob(file: ChartFile, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([file.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(file.width * scale);
    canvas.height = Math.round(file.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    // An SVG image lays out its text, and only then loads the fonts embedded in it, when first
    // drawn: a first draw starts that, the real one follows once the (in-file) fonts are read.
    context.drawImage(image, 0, 0, 1, 1);
    await new Promise((resolve) => setTimeout(resolve, FONT_LOAD_MS));
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG not made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands a file to the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
