import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildZoneIndex } from '../../../server/geo/index.ts';
import { parseKml, parseXml } from '../../../server/geo/kml.ts';
import { validateGeometry } from '../../../server/geo/validate.ts';
import type { GeoParseProblem } from '../../../server/geo/features.ts';

const fixture = readFileSync(new URL('../../fixtures/geo/my-maps-zones.kml', import.meta.url), 'utf8');

function fatal(kml: string): GeoParseProblem {
  const r = parseKml(kml);
  if (r.ok) throw new Error('expected a file-level error');
  expect(r.problems).toHaveLength(1);
  const p = r.problems[0] as GeoParseProblem;
  expect(p.feature).toBeNull();
  expect(p.th.length).toBeGreaterThan(0);
  expect(p.en.length).toBeGreaterThan(0);
  return p;
}

const wrap = (placemarks: string) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
${placemarks}
</Document></kml>`;

const SQUARE = '100.5,13.75,0 100.51,13.75,0 100.51,13.76,0 100.5,13.76,0 100.5,13.75,0';

describe('parseKml: a Google My Maps export', () => {
  const r = parseKml(fixture);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));

  it('reads every Placemark through nested Folders, in document order', () => {
    expect(r.features.map((f) => f.index)).toEqual([1, 2]);
    expect(r.features.map((f) => f.properties.code)).toEqual(['CNS-01', 'CNS-02']);
    expect(r.features[0]?.folders).toEqual(['สน.ชนะสงคราม']);
    expect(r.features[1]?.folders).toEqual(['สน.ชนะสงคราม', 'ตลาด']);
    expect(r.features[0]?.line).toBe(28);
    expect(r.features[1]?.id).toBe('pm-banglamphu');
    expect(r.features[0]?.id).toBeNull();
  });

  it('name, CDATA description, ExtendedData Data and SchemaData/SimpleData; entities decoded', () => {
    const [a, b] = r.features;
    expect(a?.properties).toEqual({
      name: 'ถนนข้าวสาร & รามบุตรี',
      description: 'code: CNS-01<br>พื้นที่ท่องเที่ยวกลางคืน<br>station: สน.ชนะสงคราม',
      code: 'CNS-01',
      name_en: 'Khao San & Rambuttri',
      station: 'สน.ชนะสงคราม',
      start_date: '2022-10-01',
      population: '12500',
      kind: 'การท่องเที่ยว',
    });
    expect(b?.properties).toEqual({
      name: 'ตลาดบางลำพู',
      description: 'ตลาดเช้า <b>และ</b> ท่าเรือ',
      code: 'CNS-02',
      station: 'สน.ชนะสงคราม',
      start_date: '2023-01-15',
    });
  });

  it('Polygon with a hole; MultiGeometry as a MultiPolygon; altitude dropped', () => {
    const [a, b] = r.features;
    expect(a?.geometry.type).toBe('Polygon');
    expect(a?.geometry.coordinates).toHaveLength(2);
    expect(a?.geometry.coordinates[0]?.[0]).toEqual([100.495, 13.758]);
    expect(b?.geometry.type).toBe('MultiPolygon');
    expect(b?.geometry.coordinates).toHaveLength(2);
  });

  it('reports the Point-only Placemark as feature 3, with its line', () => {
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'no_polygon', severity: 'error', feature: 3, line: 114 }),
    ]);
    expect(r.problems[0]?.en).toContain('only Point');
  });

  it('validates and indexes end to end', () => {
    const zones = r.features.map((f) => {
      const v = validateGeometry(f.geometry);
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      return {
        id: f.properties.code ?? '',
        stationCode: f.properties.station ?? '',
        geometry: v.geometry,
        bufferMeters: 500,
      };
    });
    const index = buildZoneIndex(zones);
    expect(index.locate(100.496, 13.7585).zoneId).toBe('CNS-01');
    expect(index.locate(100.4975, 13.7595)).toEqual({ zoneId: null, ringZoneIds: ['CNS-01', 'CNS-02'] }); // in the hole
    expect(index.locate(100.5025, 13.7625).zoneId).toBe('CNS-02'); // the second part
  });
});

describe('parseKml: other producers', () => {
  it('namespace prefixes (kml:), single quotes, several LinearRings in one innerBoundaryIs, comments', () => {
    const r = parseKml(`<?xml version='1.0'?>
<!-- exported by a GIS tool -->
<kml:kml xmlns:kml='http://www.opengis.net/kml/2.2'>
  <kml:Document><kml:Folder><kml:name>A</kml:name>
    <kml:Placemark id='x'><kml:name>Z</kml:name>
      <kml:Polygon>
        <kml:outerBoundaryIs><kml:LinearRing><kml:coordinates>100,13 100.1,13 100.1,13.1 100,13.1 100,13</kml:coordinates></kml:LinearRing></kml:outerBoundaryIs>
        <kml:innerBoundaryIs>
          <kml:LinearRing><kml:coordinates>100.01,13.01 100.01,13.02 100.02,13.02 100.01,13.01</kml:coordinates></kml:LinearRing>
          <kml:LinearRing><kml:coordinates>100.05,13.05 100.05,13.06 100.06,13.06 100.05,13.05</kml:coordinates></kml:LinearRing>
        </kml:innerBoundaryIs>
      </kml:Polygon>
    </kml:Placemark>
  </kml:Folder></kml:Document>
</kml:kml>
<!-- trailing comment -->`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.features[0]?.properties).toEqual({ name: 'Z' });
    expect(r.features[0]?.geometry.coordinates).toHaveLength(3);
    expect(r.features[0]?.folders).toEqual(['A']);
  });

  it('spaces around commas, UTF-8 BOM, a Point next to a Polygon (warning), nested MultiGeometry', () => {
    const r = parseKml(
      `\uFEFF${wrap(`<Placemark><name>P</name><MultiGeometry>
        <Point><coordinates>100.5,13.75</coordinates></Point>
        <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>
          100.5, 13.75, 0   100.51, 13.75, 0
          100.51, 13.76, 0  100.5, 13.75, 0
        </coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry>
      </MultiGeometry></Placemark>`)}`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.features[0]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [100.5, 13.75],
          [100.51, 13.75],
          [100.51, 13.76],
          [100.5, 13.75],
        ],
      ],
    });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'ignored_geometry', severity: 'warning', feature: 1 }),
    ]);
  });

  it('a bad coordinate tuple rejects that feature, naming it and the line of the tuple', () => {
    const r = parseKml(
      wrap(`<Placemark><name>ok</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${SQUARE}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>bad</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
100.5,13.75
100.51;13.75
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.features.map((f) => f.properties.name)).toEqual(['ok']);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'bad_coordinates', feature: 2, line: 6 })]);
    expect(r.problems[0]?.en).toContain('100.51;13.75');
  });

  it('a description with raw (unescaped) HTML keeps its markup as written', () => {
    const r = parseKml(
      wrap(
        `<Placemark><description>Night <b>market</b> &amp; pier</description><Polygon><outerBoundaryIs><LinearRing><coordinates>${SQUARE}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`,
      ),
    );
    expect(r.ok && r.features[0]?.properties.description).toBe('Night <b>market</b> &amp; pier');
  });

  it('a Polygon without outer boundary is a feature error', () => {
    const r = parseKml(wrap('<Placemark><Polygon></Polygon></Placemark>'));
    expect(r.ok && r.problems[0]?.code).toBe('bad_coordinates');
  });
});

describe('parseKml: malformed or unsafe files', () => {
  it('mismatched closing tag, with both lines', () => {
    const p = fatal('<kml>\n<Document>\n<Placemark>\n</Document>\n</kml>');
    expect(p).toMatchObject({ code: 'xml_syntax', line: 4 });
    expect(p.en).toContain('</Document> does not match <Placemark> opened on line 3');
  });

  it('unclosed element at end of file', () => {
    const p = fatal('<kml>\n<Document>\n');
    expect(p.code).toBe('xml_syntax');
    expect(p.en).toContain('<Document> opened on line 2 is never closed');
  });

  it('DOCTYPE / ENTITY declarations are refused (XXE, billion laughs)', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<kml><Document><name>&lol2;</name></Document></kml>`;
    expect(fatal(laughs)).toMatchObject({ code: 'doctype_forbidden', line: 2 });
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE kml SYSTEM "file:///etc/passwd">\n<kml/>';
    expect(fatal(xxe).code).toBe('doctype_forbidden');
    expect(fatal('<kml>\n<!ENTITY x "y">\n</kml>').code).toBe('doctype_forbidden');
  });

  it('unknown entity, bare ampersand, bad numeric reference', () => {
    expect(fatal('<kml>\n<name>a &nbsp; b</name></kml>')).toMatchObject({ code: 'xml_syntax', line: 2 });
    expect(fatal('<kml><name>Fish & Chips</name></kml>').en).toContain('&amp;');
    expect(fatal('<kml><name>&#0;</name></kml>').code).toBe('xml_syntax');
    expect(fatal('<kml><name>&#xD800;</name></kml>').code).toBe('xml_syntax');
  });

  it('unterminated comment / CDATA, unquoted attribute, text outside the root, two roots', () => {
    expect(fatal('<kml><!-- oops </kml>').en).toContain('comment');
    expect(fatal('<kml><name><![CDATA[x</name></kml>').en).toContain('CDATA');
    expect(fatal('<kml><Placemark id=x></Placemark></kml>').en).toContain('quoted');
    expect(fatal('hello <kml></kml>').en).toContain('outside the root');
    expect(fatal('<kml></kml><kml></kml>').en).toContain('more than one root');
    expect(fatal('<kml><a < b></kml>').code).toBe('xml_syntax');
  });

  it('not KML, empty, no Placemark', () => {
    expect(fatal('<gpx><trk/></gpx>').code).toBe('not_kml');
    expect(fatal('').code).toBe('xml_syntax');
    expect(fatal('<kml><Document><name>empty</name></Document></kml>').code).toBe('no_features');
  });
});

describe('parseXml', () => {
  it('decodes entities in text and attributes and keeps CDATA verbatim', () => {
    const root = parseXml(`<a x="1 &lt; 2" y='&quot;q&quot;'>&amp;&apos;&#65;&#x42;<![CDATA[<&amp;>]]></a>`);
    expect(root.attrs).toEqual({ x: '1 < 2', y: '"q"' });
    expect(root.text).toBe("&'AB<&amp;>");
  });

  // Its speed is a figure of `npm run bench`, not asserted here.
  it('reads a large file (5,000 placemarks)', () => {
    const pm = `<Placemark><name>z</name><ExtendedData><Data name="code"><value>C</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${SQUARE}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n`;
    const r = parseKml(wrap(pm.repeat(5000)));
    expect(r.ok && r.features.length).toBe(5000);
  });
});
