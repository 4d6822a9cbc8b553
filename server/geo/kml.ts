/**
 * KML zones, as Google My Maps exports them (and Google Earth / QGIS for the same subset).
 *
 * Read: every Placemark anywhere under <kml> (Document / Folder nesting of any depth; Folder names
 * are kept in `folders`), its `id` attribute, <name>, <description> (CDATA or escaped HTML kept as
 * text; raw child markup is kept as written), <ExtendedData> <Data name><value> and
 * <SchemaData><SimpleData name>, and its geometry: <Polygon> (<outerBoundaryIs> and any number of
 * <innerBoundaryIs>, each <LinearRing><coordinates>) and <MultiGeometry> (nested too). One polygon
 * gives a GeoJSON Polygon, several a MultiPolygon. Coordinates are "lon,lat[,alt]" tuples
 * separated by whitespace (spaces around the commas tolerated); altitude is dropped.
 * Other geometry (Point, LineString...) next to a polygon is ignored with a warning; a Placemark
 * with no polygon is an error for that feature.
 *
 * The XML scanner handles this subset of XML 1.0: elements, attributes ('' or ""), text, CDATA,
 * comments, processing instructions, the five predefined entities and numeric character
 * references, namespace prefixes (`kml:Placemark` is read as `Placemark`). Malformed XML is a
 * file-level error with its line. A DOCTYPE (hence any ENTITY declaration) is refused outright:
 * no external entities (XXE) and no entity expansion (billion laughs); nothing is ever fetched.
 * KMZ (zipped KML) must be unzipped by the caller.
 */
import { type GeoFeature, type GeoParseProblem, type GeoParseResult, problem } from './features.ts';
import type { GeoMessage, Position, Ring, ZoneGeometry } from './types.ts';

// ---------------------------------------------------------------------------------------------
// XML scanner

export interface XmlElement {
  /** Local name (namespace prefix removed). */
  readonly name: string;
  /** Attributes by local name; `xmlns` declarations are dropped. */
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  /** Direct text content (text and CDATA), entities decoded. */
  text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
  /** 1-based line where the content starts (after the start tag's ">"). */
  readonly contentLine: number;
  /** Source offsets of the content (between the tags). */
  readonly contentStart: number;
  contentEnd: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly code: 'xml_syntax' | 'doctype_forbidden',
    readonly line: number,
    readonly messages: GeoMessage,
  ) {
    super(`line ${line}: ${messages.en}`);
  }
}

const NAME_RE = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const WS_RE = /[ \t\r\n]*/y;
const MAX_DEPTH = 256;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

/** Parses an XML document into elements. Throws XmlSyntaxError. */
export function parseXml(source: string): XmlElement {
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // Line numbers on demand: offsets of every '\n'.
  let newlines: number[] | null = null;
  const lineAt = (offset: number): number => {
    if (newlines === null) {
      newlines = [];
      for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) newlines.push(i);
    }
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const fail = (offset: number, th: string, en: string): never => {
    throw new XmlSyntaxError('xml_syntax', lineAt(offset), { th: `XML ไม่ถูกต้อง: ${th}`, en: `Malformed XML: ${en}` });
  };
  const decode = (s: string, offset: number): string => {
    if (s.indexOf('&') < 0) return s;
    let out = '';
    let i = 0;
    for (;;) {
      const amp = s.indexOf('&', i);
      if (amp < 0) return out + s.slice(i);
      out += s.slice(i, amp);
      const semi = s.indexOf(';', amp);
      if (semi < 0 || semi - amp > 12) {
        fail(offset + amp, 'พบ & ที่ไม่ได้เป็นส่วนของ entity (ต้องเขียนเป็น &amp;)', 'a bare "&" (write it as &amp;)');
      }
      const name = s.slice(amp + 1, semi);
      let ch: string | undefined;
      if (name.startsWith('#x') || name.startsWith('#X'))
        ch = fromCode(/^[0-9A-Fa-f]+$/.test(name.slice(2)) ? Number.parseInt(name.slice(2), 16) : -1);
      else if (name.startsWith('#'))
        ch = fromCode(/^[0-9]+$/.test(name.slice(1)) ? Number.parseInt(name.slice(1), 10) : -1);
      else ch = PREDEFINED[name];
      if (ch === undefined) fail(offset + amp, `ไม่รู้จัก entity &${name};`, `unknown entity &${name};`);
      out += ch;
      i = semi + 1;
    }
  };

  const stack: { el: XmlElement; qname: string; textParts: string[] }[] = [];
  let root: XmlElement | null = null;
  let pos = 0;
  const n = src.length;

  const addText = (raw: string, offset: number, isCdata: boolean) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (/\S/.test(raw)) fail(offset + raw.search(/\S/), 'มีข้อความอยู่นอกแท็กหลัก', 'text outside the root element');
      return;
    }
    top.textParts.push(isCdata ? raw : decode(raw, offset));
  };

  while (pos < n) {
    const lt = src.indexOf('<', pos);
    if (lt < 0) {
      addText(src.slice(pos), pos, false);
      break;
    }
    if (lt > pos) addText(src.slice(pos, lt), pos, false);
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) fail(lt, 'comment (<!--) ไม่ได้ปิดด้วย -->', 'comment (<!--) never closed with -->');
      pos = end + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end < 0) fail(lt, 'CDATA ไม่ได้ปิดด้วย ]]>', 'CDATA section never closed with ]]>');
      if (stack.length === 0) fail(lt, 'CDATA อยู่นอกแท็กหลัก', 'CDATA outside the root element');
      addText(src.slice(lt + 9, end), lt + 9, true);
      pos = end + 3;
    } else if (src.startsWith('<!', lt)) {
      const word = src.slice(lt + 2, lt + 9).toUpperCase();
      if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY')) {
        throw new XmlSyntaxError('doctype_forbidden', lineAt(lt), {
          th: 'ไฟล์มีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาตเพื่อความปลอดภัย (KML ปกติไม่มี) กรุณาส่งออกไฟล์ใหม่จาก Google My Maps',
          en: 'The file declares a DOCTYPE/ENTITY, which is refused for safety (normal KML has none); export the file again from Google My Maps',
        });
      }
      fail(lt, 'พบ <! ที่ไม่รู้จัก', 'unexpected "<!"');
    } else if (src.startsWith('<?', lt)) {
      const end = src.indexOf('?>', lt + 2);
      if (end < 0)
        fail(lt, 'processing instruction (<?) ไม่ได้ปิดด้วย ?>', 'processing instruction (<?) never closed with ?>');
      pos = end + 2;
    } else if (src.startsWith('</', lt)) {
      NAME_RE.lastIndex = lt + 2;
      const m = NAME_RE.exec(src);
      if (!m) fail(lt, 'แท็กปิดไม่มีชื่อ', 'closing tag without a name');
      const qname = (m as RegExpExecArray)[0];
      WS_RE.lastIndex = lt + 2 + qname.length;
      WS_RE.exec(src);
      if (src[WS_RE.lastIndex] !== '>')
        fail(lt, `แท็กปิด </${qname}> ไม่สมบูรณ์`, `closing tag </${qname}> not terminated by ">"`);
      const top = stack.pop();
      if (!top) fail(lt, `แท็กปิด </${qname}> ไม่มีแท็กเปิดคู่กัน`, `closing tag </${qname}> without an opening tag`);
      const t = top as (typeof stack)[number];
      if (t.qname !== qname) {
        fail(
          lt,
          `แท็กปิด </${qname}> ไม่ตรงกับแท็กเปิด <${t.qname}> (บรรทัด ${t.el.line})`,
          `closing tag </${qname}> does not match <${t.qname}> opened on line ${t.el.line}`,
        );
      }
      t.el.text = t.textParts.length === 1 ? (t.textParts[0] as string) : t.textParts.join('');
      t.el.contentEnd = lt;
      pos = WS_RE.lastIndex + 1;
    } else {
      NAME_RE.lastIndex = lt + 1;
      const m = NAME_RE.exec(src);
      if (!m) fail(lt, 'พบ < ที่ไม่ได้เป็นแท็ก (ต้องเขียนเป็น &lt;)', 'a "<" that does not start a tag (write it as &lt;)');
      const qname = (m as RegExpExecArray)[0];
      let p = lt + 1 + qname.length;
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        WS_RE.lastIndex = p;
        WS_RE.exec(src);
        const hadSpace = WS_RE.lastIndex > p;
        p = WS_RE.lastIndex;
        if (src.startsWith('/>', p)) {
          selfClosing = true;
          p += 2;
          break;
        }
        if (src[p] === '>') {
          p += 1;
          break;
        }
        if (p >= n) fail(lt, `แท็ก <${qname}> ไม่ได้ปิดด้วย >`, `tag <${qname}> never closed with ">"`);
        NAME_RE.lastIndex = p;
        const a = NAME_RE.exec(src);
        if (!a || !hadSpace) fail(p, `แอตทริบิวต์ในแท็ก <${qname}> ไม่ถูกต้อง`, `malformed attribute in <${qname}>`);
        const aname = (a as RegExpExecArray)[0];
        p += aname.length;
        WS_RE.lastIndex = p;
        WS_RE.exec(src);
        p = WS_RE.lastIndex;
        if (src[p] !== '=') fail(p, `แอตทริบิวต์ ${aname} ไม่มีค่า`, `attribute ${aname} has no value`);
        WS_RE.lastIndex = p + 1;
        WS_RE.exec(src);
        p = WS_RE.lastIndex;
        const quote = src[p];
        if (quote !== '"' && quote !== "'") {
          fail(p, `ค่าแอตทริบิวต์ ${aname} ต้องอยู่ในเครื่องหมายคำพูด`, `value of attribute ${aname} must be quoted`);
        }
        const close = src.indexOf(quote as string, p + 1);
        if (close < 0)
          fail(p, `ค่าแอตทริบิวต์ ${aname} ไม่ได้ปิดเครื่องหมายคำพูด`, `value of attribute ${aname} is never closed`);
        const rawValue = src.slice(p + 1, close);
        if (rawValue.includes('<'))
          fail(p, `ค่าแอตทริบิวต์ ${aname} มีเครื่องหมาย <`, `value of attribute ${aname} contains "<"`);
        if (aname !== 'xmlns' && !aname.startsWith('xmlns:')) attrs[localName(aname)] = decode(rawValue, p + 1);
        p = close + 1;
      }
      const el: XmlElement = {
        name: localName(qname),
        attrs,
        children: [],
        text: '',
        line: lineAt(lt),
        contentLine: lineAt(p),
        contentStart: p,
        contentEnd: p,
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else {
        if (root !== null) fail(lt, `มีแท็กหลักมากกว่าหนึ่งแท็ก (<${qname}>)`, `more than one root element (<${qname}>)`);
        root = el;
      }
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH)
          fail(lt, `แท็กซ้อนกันลึกเกิน ${MAX_DEPTH} ชั้น`, `elements nested deeper than ${MAX_DEPTH}`);
        stack.push({ el, qname, textParts: [] });
      }
      pos = p;
    }
  }
  const open = stack[stack.length - 1];
  if (open) {
    fail(
      n,
      `แท็ก <${open.qname}> (บรรทัด ${open.el.line}) ไม่ได้ปิดจนจบไฟล์`,
      `<${open.qname}> opened on line ${open.el.line} is never closed`,
    );
  }
  if (root === null) fail(0, 'ไม่พบแท็กใด ๆ ในไฟล์', 'no element in the file');
  return root as unknown as XmlElement;
}

function fromCode(cp: number): string | undefined {
  if (!Number.isInteger(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  if (cp < 0x20 && cp !== 0x9 && cp !== 0xa && cp !== 0xd) return undefined;
  return String.fromCodePoint(cp);
}

// ---------------------------------------------------------------------------------------------
// KML interpretation

const child = (el: XmlElement, name: string): XmlElement | undefined => el.children.find((c) => c.name === name);
const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);

const OTHER_GEOMETRY = new Set(['Point', 'LineString', 'LinearRing', 'Model', 'Track', 'MultiTrack']);

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TUPLE_RE = /[^\s,]+(?:\s*,\s*[^\s,]+)*/g;

class FeatureError extends Error {
  constructor(
    readonly code: 'bad_coordinates' | 'no_polygon',
    readonly line: number,
    readonly messages: GeoMessage,
  ) {
    super(messages.en);
  }
}

/** Line of `offset` in an element's text: its content line plus the line breaks before it. */
function lineIn(el: XmlElement, text: string, offset: number): number {
  let line = el.contentLine;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function parseCoordinates(el: XmlElement): Ring {
  const text = el.text;
  const ring: Ring = [];
  for (const m of text.matchAll(TUPLE_RE)) {
    const parts = m[0].split(/\s*,\s*/);
    const bad = parts.length < 2 || parts.length > 3 || !parts.every((s) => NUMBER_RE.test(s));
    if (bad) {
      throw new FeatureError('bad_coordinates', lineIn(el, text, m.index ?? 0), {
        th: `พิกัด "${m[0].slice(0, 60)}" ไม่ถูกต้อง: ต้องเป็น ลองจิจูด,ละติจูด[,ความสูง] คั่นแต่ละจุดด้วยช่องว่าง`,
        en: `Bad coordinate tuple "${m[0].slice(0, 60)}": expected lon,lat[,alt] tuples separated by spaces`,
      });
    }
    const pos: Position = [Number(parts[0]), Number(parts[1])];
    ring.push(pos);
  }
  return ring;
}

function linearRingsOf(boundary: XmlElement): Ring[] {
  const rings: Ring[] = [];
  for (const lr of childrenNamed(boundary, 'LinearRing')) {
    const coords = child(lr, 'coordinates');
    if (!coords) {
      throw new FeatureError('bad_coordinates', lr.line, {
        th: 'LinearRing ไม่มี <coordinates>',
        en: 'LinearRing without <coordinates>',
      });
    }
    rings.push(parseCoordinates(coords));
  }
  return rings;
}

/** Polygons (outer + holes) and the names of other geometry found under `el`. */
function collectGeometry(el: XmlElement, polys: Ring[][], others: Set<string>): void {
  for (const c of el.children) {
    if (c.name === 'Polygon') {
      const outer = childrenNamed(c, 'outerBoundaryIs').flatMap((b) => linearRingsOf(b));
      if (outer.length !== 1) {
        throw new FeatureError('bad_coordinates', c.line, {
          th: `Polygon ต้องมีขอบนอก (outerBoundaryIs/LinearRing) หนึ่งวง แต่พบ ${outer.length} วง`,
          en: `A Polygon needs exactly one outer boundary (outerBoundaryIs/LinearRing), found ${outer.length}`,
        });
      }
      const holes = childrenNamed(c, 'innerBoundaryIs').flatMap((b) => linearRingsOf(b));
      polys.push([outer[0] as Ring, ...holes]);
    } else if (c.name === 'MultiGeometry') {
      collectGeometry(c, polys, others);
    } else if (OTHER_GEOMETRY.has(c.name)) {
      others.add(c.name);
    }
  }
}

/** Text of an element for a property: direct text, or the raw markup when it has child elements. */
function propertyText(el: XmlElement, source: string): string {
  return (el.children.length > 0 ? source.slice(el.contentStart, el.contentEnd) : el.text).trim();
}

/** Parses KML text (decoded; a UTF-8 BOM is skipped). Never throws. */
export function parseKml(source: string): GeoParseResult<ZoneGeometry> {
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let root: XmlElement;
  try {
    root = parseXml(src);
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      return { ok: false, problems: [problem(e.code, 'error', null, e.line, e.messages)] };
    throw e;
  }
  if (root.name !== 'kml') {
    return {
      ok: false,
      problems: [
        problem('not_kml', 'error', null, root.line, {
          th: `ไม่ใช่ไฟล์ KML (แท็กหลักคือ <${root.name}> แทนที่จะเป็น <kml>)`,
          en: `Not a KML file (the root element is <${root.name}>, not <kml>)`,
        }),
      ],
    };
  }
  const features: GeoFeature<ZoneGeometry>[] = [];
  const problems: GeoParseProblem[] = [];
  let index = 0;

  const placemark = (pm: XmlElement, folders: readonly string[]) => {
    index++;
    const properties: Record<string, string> = {};
    const name = child(pm, 'name');
    if (name) properties.name = propertyText(name, src);
    const description = child(pm, 'description');
    if (description) properties.description = propertyText(description, src);
    for (const ext of childrenNamed(pm, 'ExtendedData')) {
      for (const d of childrenNamed(ext, 'Data')) {
        const key = d.attrs.name;
        if (key === undefined) continue;
        const value = child(d, 'value');
        properties[key] = value ? propertyText(value, src) : d.text.trim();
      }
      for (const sd of childrenNamed(ext, 'SchemaData')) {
        for (const s of childrenNamed(sd, 'SimpleData')) {
          const key = s.attrs.name;
          if (key !== undefined) properties[key] = propertyText(s, src);
        }
      }
    }
    const polys: Ring[][] = [];
    const others = new Set<string>();
    try {
      collectGeometry(pm, polys, others);
      if (polys.length === 0) {
        const found = [...others].join(', ');
        throw new FeatureError('no_polygon', pm.line, {
          th:
            found === '' ? 'Placemark นี้ไม่มีรูปหลายเหลี่ยม (Polygon)' : `Placemark นี้ไม่มีรูปหลายเหลี่ยม (Polygon) มีเพียง ${found}`,
          en: found === '' ? 'This Placemark has no Polygon' : `This Placemark has no Polygon, only ${found}`,
        });
      }
    } catch (e) {
      if (!(e instanceof FeatureError)) throw e;
      problems.push(problem(e.code, 'error', index, e.line, e.messages));
      return;
    }
    if (others.size > 0) {
      const found = [...others].join(', ');
      problems.push(
        problem('ignored_geometry', 'warning', index, pm.line, {
          th: `ไม่ได้ใช้รูปทรงชนิด ${found} ใน Placemark นี้ ใช้เฉพาะรูปหลายเหลี่ยม`,
          en: `Ignored the ${found} geometry of this Placemark; only polygons are used`,
        }),
      );
    }
    const geometry: ZoneGeometry =
      polys.length === 1
        ? { type: 'Polygon', coordinates: polys[0] as Ring[] }
        : { type: 'MultiPolygon', coordinates: polys };
    const id = pm.attrs.id;
    features.push({ index, line: pm.line, id: id === undefined ? null : id, properties, geometry, folders });
  };

  const walk = (el: XmlElement, folders: readonly string[]) => {
    for (const c of el.children) {
      if (c.name === 'Placemark') placemark(c, folders);
      else if (c.name === 'Folder') {
        const name = child(c, 'name');
        walk(c, [...folders, name ? name.text.trim() : '']);
      } else walk(c, folders);
    }
  };
  walk(root, []);

  if (index === 0) {
    return {
      ok: false,
      problems: [
        problem('no_features', 'error', null, undefined, {
          th: 'ไม่พบพื้นที่ (Placemark) ในไฟล์ KML',
          en: 'No Placemark (zone) found in the KML file',
        }),
      ],
    };
  }
  return { ok: true, features, problems };
}
