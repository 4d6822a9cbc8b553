import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createChunkDecoder,
  decodeText,
  decodeTextDetailed,
  detectEncoding,
  detectEncodingDetailed,
  isValidUtf8,
} from '../../../../server/importers/parse/encoding.ts';
import { encodeWindows874, fixtureBytes, realData } from './helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('Node runtime', () => {
  it('has a full-ICU TextDecoder for windows-874 and tis-620', () => {
    expect(new TextDecoder('windows-874').encoding).toBe('windows-874');
    expect(new TextDecoder('tis-620').encoding).toBe('windows-874');
    expect(new TextDecoder('windows-874').decode(Uint8Array.from([0xa1, 0xd2, 0x85]))).toBe('กา…');
  });
});

describe('detectEncoding', () => {
  it('names a BOM, valid UTF-8 and legacy Thai bytes', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8-bom');
    expect(detectEncoding(utf8('สภ.หาดใหญ่'))).toBe('utf-8');
    expect(detectEncoding(utf8('plain ascii'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array(0))).toBe('utf-8');
    expect(detectEncoding(encodeWindows874('สภ.หาดใหญ่'))).toBe('windows-874');
  });

  it('rejects overlong, surrogate and truncated UTF-8', () => {
    expect(isValidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(false); // overlong '/'
    expect(isValidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
    expect(isValidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(false); // > U+10FFFF
    expect(isValidUtf8(Uint8Array.from([0xe0, 0xb8]))).toBe(false);
  });

  it('accepts a character cut at the end of a sample when told the bytes are truncated', () => {
    const bytes = utf8('ภูเก็ต').slice(0, 4); // 1 full character + 1 byte of the next
    expect(detectEncoding(bytes)).toBe('windows-874');
    expect(detectEncoding(bytes, { truncated: true })).toBe('utf-8');
  });

  it('keeps a long UTF-8 Thai file with one broken byte as UTF-8 (not mojibake)', () => {
    const good = utf8('ภูเก็ต,ความผิดเกี่ยวกับทรัพย์\n'.repeat(10));
    const bytes = new Uint8Array(good.length + 1);
    bytes.set(good);
    bytes[good.length] = 0xe0; // a cut character at the very end
    expect(detectEncodingDetailed(bytes)).toEqual({ encoding: 'utf-8', reason: 'mostly_utf8' });
    const decoded = decodeTextDetailed(bytes);
    expect(decoded.text.startsWith('ภูเก็ต')).toBe(true);
    expect(decoded.replacements).toBe(1);
  });
});

describe('decodeText', () => {
  const thai = 'จังหวัด,ประเภทความผิด,รับแจ้ง “ราย”…\r\nภูเก็ต,ความผิดเกี่ยวกับทรัพย์,๘๗๖\r\n';

  it('decodes Windows-874 including its 0x80-0x9F extras', () => {
    expect(decodeText(encodeWindows874(thai))).toBe(thai);
  });

  it('drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(thai)]);
    expect(decodeText(bytes)).toBe(thai);
    expect(decodeText(bytes).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('follows an override', () => {
    const bytes = encodeWindows874('กขค');
    expect(decodeText(bytes, 'tis-620')).toBe('กขค');
    expect(decodeText(bytes, 'windows-874')).toBe('กขค');
    expect(decodeText(bytes, 'utf-8')).toBe('\uFFFD\uFFFD\uFFFD');
    expect(decodeTextDetailed(bytes, 'utf-8').replacements).toBe(3);
  });

  it('flags UTF-16 (Excel "Unicode text") as unsupported', () => {
    expect(decodeTextDetailed(Uint8Array.from([0xff, 0xfe, 0x61, 0x00])).unsupported).toBe('utf-16le');
  });

  it('decodes the four committed fixtures to the same text', () => {
    const u = decodeText(fixtureBytes('incidents-thai.utf8.csv'));
    expect(detectEncoding(fixtureBytes('incidents-thai.utf8.csv'))).toBe('utf-8');
    expect(detectEncoding(fixtureBytes('incidents-thai.utf8-bom.csv'))).toBe('utf-8-bom');
    expect(detectEncoding(fixtureBytes('incidents-thai.windows-874.csv'))).toBe('windows-874');
    expect(detectEncoding(fixtureBytes('incidents-thai.tis620.csv'))).toBe('windows-874');
    expect(decodeText(fixtureBytes('incidents-thai.utf8-bom.csv'))).toBe(u);
    expect(decodeText(fixtureBytes('incidents-thai.windows-874.csv'))).toBe(u);
    // TIS-620 has no ellipsis character: the fixture spells it "..."
    expect(decodeText(fixtureBytes('incidents-thai.tis620.csv'))).toBe(u.replace('…', '...'));
  });

  it('decodes the three Phuket files (UTF-8, Windows-874, TIS-620) to the same text', () => {
    const dir = path.join(realData, 'thai-crime-tables');
    const read = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));
    const u = read('phuket_crime_groups_be2558_2561.csv');
    const cp874 = read('phuket_crime_groups_be2558_2561.cp874.csv');
    const tis = read('phuket_crime_groups_be2558_2561.tis620.csv');
    expect(detectEncoding(u)).toBe('utf-8');
    expect(detectEncoding(cp874)).toBe('windows-874');
    expect(detectEncoding(tis)).toBe('windows-874');
    const text = decodeText(u);
    expect(text).toContain('ความผิดเกี่ยวกับชีวิต ร่างกาย และเพศ');
    expect(decodeText(tis)).toBe(text);
    // The cp874 copy was saved with CRLF line ends; the text is otherwise identical.
    expect(decodeText(cp874).replace(/\r\n/g, '\n')).toBe(text);
  });
});

describe('createChunkDecoder', () => {
  it('joins characters split across chunks and drops a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('สภ.หาดใหญ่')]);
    const d = createChunkDecoder('utf-8-bom');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += d.decode(bytes.subarray(i, i + 1));
    out += d.end();
    expect(out).toBe('สภ.หาดใหญ่');
    expect(d.replacements).toBe(0);
  });

  it('decodes Windows-874 chunk by chunk', () => {
    const d = createChunkDecoder('windows-874');
    const bytes = encodeWindows874('ภูเก็ต');
    expect(d.decode(bytes.subarray(0, 2)) + d.decode(bytes.subarray(2)) + d.end()).toBe('ภูเก็ต');
  });
});
