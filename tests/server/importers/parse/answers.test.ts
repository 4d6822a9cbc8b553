import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerKey,
  type CodebookItem,
  classifyAnswer,
  countsAsPositive,
  DEFAULT_CODEBOOK,
  parseCodebook,
} from '../../../../server/importers/parse/answers.ts';
import { fixtureDir, fixtureTable } from './helpers.ts';

const afro = (() => {
  const r = parseCodebook(readFileSync(path.join(fixtureDir, 'codebook-afrobarometer.json'), 'utf8'));
  if (!r.ok) throw new Error(r.reason.en);
  return r.codebook;
})();

const item = (name: 'fear' | 'trust', cb = afro): CodebookItem => {
  const it = cb.items[name];
  if (it === undefined) throw new Error(name);
  return it;
};

describe('the default codebook', () => {
  it('is the Thai 5-point item for fear and trust, counting the top two', () => {
    expect(DEFAULT_CODEBOOK.denominator).toBe('valid');
    for (const name of ['fear', 'trust'] as const) {
      const it = item(name, DEFAULT_CODEBOOK);
      expect(it.levels).toBe(5);
      expect(it.counts).toEqual([4, 5]);
      expect(countsAsPositive(5, it)).toBe(true);
      expect(countsAsPositive(3, it)).toBe(false);
    }
  });

  it.each(fixtureTable('survey-answers.csv'))('$note: "$raw" -> $status $level', (c) => {
    const r = classifyAnswer(c.raw ?? '', item('fear', DEFAULT_CODEBOOK));
    expect(r.status).toBe(c.status);
    if (r.status === 'valid') expect(r.level).toBe(Number(c.level));
    else {
      expect(r.reason.th.length).toBeGreaterThan(0);
      expect(r.reason.en.length).toBeGreaterThan(0);
    }
  });

  it('takes numbers from XLSX cells', () => {
    expect(classifyAnswer(4, item('trust', DEFAULT_CODEBOOK))).toEqual({ status: 'valid', level: 4 });
  });
});

describe('parseCodebook', () => {
  it('accepts the data-formats.md example and resolves it', () => {
    expect(afro.name).toBe('Afrobarometer R9 trust and safety');
    expect(afro.denominator).toBe('all');
    expect(item('fear')).toEqual({
      levels: 5,
      codes: { '0': 1, '1': 2, '2': 3, '3': 4, '4': 5 },
      missing: { '8': 'refused', '9': 'dont_know', '-1': 'missing' },
      counts: [2, 3, 4, 5],
      countsDeclared: true,
    });
    expect(afro.denominatorDeclared).toBe(true);
    expect(item('trust').labels).toEqual({ '4': ['A lot', 'มาก'], '3': ['Somewhat', 'ค่อนข้างมาก'] });
  });

  it('fills defaults: denominator valid, counts the top two levels, a single label as a list', () => {
    const r = parseCodebook({ items: { trust: { levels: 4, labels: { '4': 'A lot' } } } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.codebook.denominator).toBe('valid');
      expect(r.codebook.items.trust?.counts).toEqual([3, 4]);
      // Filled in, not declared: the programme's setting applies to these answers (kpi.md).
      expect(r.codebook.denominatorDeclared).toBe(false);
      expect(r.codebook.items.trust?.countsDeclared).toBe(false);
      expect(r.codebook.items.trust?.labels).toEqual({ '4': ['A lot'] });
    }
  });

  it('accepts friendly spellings of non-answer kinds and numeric strings', () => {
    const r = parseCodebook({
      items: { fear: { levels: '5', missing: { '9': "Don't know", '8': 'Refused', '-1': 'N/A' } } },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.codebook.items.fear?.missing).toEqual({ '9': 'dont_know', '8': 'refused', '-1': 'missing' });
  });

  it.each([
    ['{not json', 'not valid JSON'],
    [{}, 'items'],
    [{ items: {} }, 'must define "fear" or "trust"'],
    [{ items: { fear: { levels: 1 } } }, 'items.fear.levels'],
    [{ items: { fear: { levels: 5 } }, denominator: 'some' }, 'denominator: must be "valid" or "all"'],
    [{ items: { fear: { levels: 5, missing: { '9': 'whatever' } } } }, 'items.fear.missing.9'],
    [{ items: { fear: { levels: 5, codes: { '1': 7 } } } }, 'level 7 is outside 1..5'],
    [{ items: { fear: { levels: 5, codes: { '1': 1, '01': 2 } } } }, 'the same code as'],
    [{ items: { fear: { levels: 5, labels: { '9': 'x' } } } }, 'labels are keyed by level 1..5'],
    [{ items: { fear: { levels: 5, labels: { '1': 'x', '2': 'X' } } } }, 'is also a label of level 1'],
    [{ items: { fear: { levels: 5, codes: { '0': 1 }, missing: { '0': 'missing' } } } }, 'is also a code'],
    [{ items: { fear: { levels: 5, missing: { '3': 'missing' } } } }, 'is also level 3'],
    [{ items: { fear: { levels: 5, counts: [6] } } }, 'counts: level 6 is outside 1..5'],
    [{ items: { fear: { levels: 5, counts: [] } } }, 'at least one level'],
  ] as const)('rejects %j with a readable reason', (json, fragment) => {
    const r = parseCodebook(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.en).toContain(fragment);
      expect(r.reason.th.length).toBeGreaterThan(0);
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('classifyAnswer with codes (Afrobarometer)', () => {
  it.each([
    ['fear', '0', 'valid', 1],
    ['fear', '4', 'valid', 5],
    ['fear', '๔', 'valid', 5],
    ['fear', '04', 'valid', 5],
    ['fear', '4.0', 'valid', 5],
    ['fear', '8', 'refused', null],
    ['fear', '9', 'dont_know', null],
    ['fear', '-1', 'missing', null],
    ['fear', '5', 'out_of_range', null],
    ['fear', 'Always', 'out_of_range', null],
    ['fear', '', 'blank', null],
    ['trust', '3', 'valid', 4],
    ['trust', 'A lot', 'valid', 4],
    ['trust', ' a LOT ', 'valid', 4],
    ['trust', 'มาก', 'valid', 4],
    ['trust', 'ค่อนข้าง มาก', 'valid', 3],
    ['trust', "Don't know", 'dont_know', null],
    ['trust', 'ไม่ตอบ', 'refused', null],
  ] as const)('%s "%s" -> %s %s', (name, raw, status, level) => {
    const r = classifyAnswer(raw, item(name));
    expect(r.status).toBe(status);
    if (r.status === 'valid') expect(r.level).toBe(level);
  });

  it("does not read a raw cell as the level when the item has codes (code 4 is level 5, '5' is no code)", () => {
    const r = classifyAnswer('5', item('fear'));
    expect(r.status).toBe('out_of_range');
    if (r.status !== 'valid') expect(r.reason.en).toContain('0, 1, 2, 3, 4');
  });
});

describe('item labels win over common non-answers', () => {
  it('reads ไม่แน่ใจ as the middle of an agree / disagree scale', () => {
    const r = parseCodebook({
      items: { trust: { levels: 3, labels: { '1': 'ไม่เห็นด้วย', '2': 'ไม่แน่ใจ', '3': 'เห็นด้วย' } } },
    });
    if (!r.ok) throw new Error(r.reason.en);
    expect(classifyAnswer('ไม่แน่ใจ', item('trust', r.codebook))).toEqual({ status: 'valid', level: 2 });
  });
});

describe('answerKey', () => {
  it('canonicalises numbers and text', () => {
    expect(answerKey('04')).toBe('4');
    expect(answerKey('๔.๐')).toBe('4');
    expect(answerKey('-1')).toBe('-1');
    expect(answerKey(" Don't  Know ")).toBe('dontknow');
    expect(answerKey('มาก ที่สุด')).toBe('มากที่สุด');
  });
});
