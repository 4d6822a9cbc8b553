/**
 * Just enough of a PDF's structure, as Chromium (Skia) writes it, to number a table of contents:
 * the order of the pages, and the page each named destination (an element id a link points to)
 * lands on. Skia writes no object streams and no cross-reference streams, so the dictionaries are
 * plain text; streams are skipped. Pure.
 */

/** The dictionary of each object that is one (its stream, if any, left out). */
function objectDictionaries(text: string): Map<number, string> {
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(?=endobj|stream)/g)) {
    objects.set(Number(match[1]), match[2] ?? '');
  }
  return objects;
}

const ref = (dict: string, key: string): number | null => {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return match?.[1] ? Number(match[1]) : null;
};

/** PDF names escape bytes as #xx. */
const decodeName = (name: string): string =>
  Buffer.from(
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** Page object numbers in reading order (a walk of the page tree). */
function pageOrder(objects: Map<number, string>, root: number): number[] {
  const pages: number[] = [];
  const walk = (id: number, depth: number) => {
    const dict = objects.get(id);
    if (!dict || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(dict)) {
      pages.push(id);
    }
  };
  walk(root, 0);
  return pages;
}

export interface PdfOutline {
  pageCount: number;
  /** Named destination -> its 1-based page. */
  destinations: Map<string, number>;
}

export function readPdfOutline(pdf: Uint8Array): PdfOutline {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = objectDictionaries(text);
  const catalog = [...objects.values()].find((dict) => /\/Type\s*\/Catalog\b/.test(dict));
  const pagesRoot = catalog ? ref(catalog, 'Pages') : null;
  const order = pagesRoot === null ? [] : pageOrder(objects, pagesRoot);
  const pageNumber = new Map(order.map((id, index) => [id, index + 1]));
  const destinations = new Map<string, number>();
  const destsId = catalog ? ref(catalog, 'Dests') : null;
  const dests = destsId === null ? undefined : objects.get(destsId);
  if (dests) {
    for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
      const page = pageNumber.get(Number(match[2]));
      if (page !== undefined) destinations.set(decodeName(match[1] ?? ''), page);
    }
  }
  return { pageCount: order.length, destinations };
}
