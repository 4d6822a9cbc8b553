/**
 * The checks every XML document from an upload passes before a parser sees it (XLSX parts, KML):
 * no DOCTYPE and no ENTITY declaration (no external entities, no entity expansion: normal
 * workbooks and KML have none), and no element nested deeper than `maxDepth` (a parser building a
 * tree of 100,000 nested elements recurses or allocates without end). One pass, no allocation
 * per element.
 */

/** Deepest element nesting accepted (KML from Google My Maps nests about 10 levels, XLSX about 6). */
const MAX_XML_DEPTH = 100;

export type XmlSafetyProblem =
  | { reason: 'declaration'; line: number }
  | { reason: 'depth'; line: number; maxDepth: number };

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The first reason to refuse `text`, or null. Malformed XML is left to the parser to report. */
export function xmlSafetyProblem(text: string, maxDepth = MAX_XML_DEPTH): XmlSafetyProblem | null {
  let depth = 0;
  const n = text.length;
  for (let lt = text.indexOf('<'); lt >= 0 && lt < n; lt = text.indexOf('<', lt + 1)) {
    const c = text.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) return null;
        lt = end + 2;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return null;
        lt = end + 2;
        continue;
      }
      // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST...: none belongs in an upload.
      return { reason: 'declaration', line: lineOf(text, lt) };
    }
    if (c === 0x3f /* ? */) continue;
    if (c === 0x2f /* / */) {
      depth--;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) return null;
    if (text.charCodeAt(gt - 1) !== 0x2f /* self-closing */) {
      depth++;
      if (depth > maxDepth) return { reason: 'depth', line: lineOf(text, lt), maxDepth };
    }
    lt = gt;
  }
  return null;
}
