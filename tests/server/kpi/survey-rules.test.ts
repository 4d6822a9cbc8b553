/**
 * kpi.md "Whose rule wins", hand-worked: a codebook's declared counts / denominator apply to its
 * answers, the programme's setting to the rest, an explicit override replaces them; a figure over
 * answers counted under different rules classifies each answer once, by its own rule.
 */
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../server/importers/parse/answers.ts';
import { codebookRuleFromStored, resolveSurveyRule } from '../../../server/kpi/survey-rules.ts';
import { FEAR_TARGET, surveyIndicatorOverParts, tallySurveyAnswers } from '../../../server/kpi/survey.ts';
import { toCodebookZones } from '../../../server/services/codebook-zones.ts';

const stored = (id: number, json: unknown) => {
  const parsed = parseCodebook(json);
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return { id, name: parsed.codebook.name, body: JSON.stringify(parsed.codebook) };
};

const SETTING = { levels: null, denominator: 'valid' as const, overrideCodebooks: false };

describe('what a stored codebook declares', () => {
  it('reads the declared rule, and nothing for what its authors left out', () => {
    const afro = codebookRuleFromStored(
      stored(7, {
        name: 'Afro',
        items: { fear: { levels: 5, counts: [2, 3, 4, 5] }, trust: { levels: 4 } },
        denominator: 'all',
      }),
    );
    expect(afro).toEqual({ id: 7, name: 'Afro', counts: { fear: [2, 3, 4, 5], trust: null }, denominator: 'all' });
    const plain = codebookRuleFromStored(stored(8, { name: 'Plain', items: { fear: { levels: 5 } } }));
    expect(plain).toEqual({ id: 8, name: 'Plain', counts: { fear: null, trust: null }, denominator: null });
  });

  it('codebooks stored before the flags existed: a value other than its default can only be declared', () => {
    const legacy = {
      id: 3,
      name: 'Old',
      body: JSON.stringify({
        name: 'Old',
        items: { fear: { levels: 5, counts: [2, 3, 4, 5] }, trust: { levels: 4, counts: [3, 4] } },
        denominator: 'all',
      }),
    };
    expect(codebookRuleFromStored(legacy)).toEqual({
      id: 3,
      name: 'Old',
      counts: { fear: [2, 3, 4, 5], trust: null },
      denominator: 'all',
    });
    expect(codebookRuleFromStored({ id: 4, name: 'Broken', body: '{' }).denominator).toBeNull();
  });
});

describe('resolveSurveyRule', () => {
  const afro = codebookRuleFromStored(
    stored(1, {
      name: 'Afro',
      items: { fear: { levels: 5, counts: [2, 3, 4, 5] }, trust: { levels: 4 } },
      denominator: 'all',
    }),
  );

  it('the codebook wins where it declares; the setting fills in the rest', () => {
    expect(resolveSurveyRule('fear', 5, afro, SETTING)).toEqual({
      countsLevels: [2, 3, 4, 5],
      denominator: 'all',
      countsFrom: 'codebook',
      denominatorFrom: 'codebook',
      codebook: 'Afro',
    });
    // Trust declares no counts: the setting's top two of 4 = 3, 4; the denominator is still the codebook's.
    expect(resolveSurveyRule('trust', 4, afro, SETTING)).toEqual({
      countsLevels: [3, 4],
      denominator: 'all',
      countsFrom: 'setting',
      denominatorFrom: 'codebook',
      codebook: 'Afro',
    });
  });

  it('no codebook: the setting; an explicit level set keeps to the item scale', () => {
    expect(resolveSurveyRule('fear', 5, null, { ...SETTING, levels: [3, 4, 5], denominator: 'all' })).toMatchObject({
      countsLevels: [3, 4, 5],
      denominator: 'all',
      countsFrom: 'setting',
      codebook: null,
    });
    expect(resolveSurveyRule('trust', 4, null, { ...SETTING, levels: [4, 5] }).countsLevels).toEqual([4]);
  });

  it('"override codebooks" replaces what the codebook declared, and says so', () => {
    expect(resolveSurveyRule('fear', 5, afro, { ...SETTING, overrideCodebooks: true })).toEqual({
      countsLevels: [4, 5],
      denominator: 'valid',
      countsFrom: 'override',
      denominatorFrom: 'override',
      codebook: 'Afro',
    });
  });
});

describe('surveyIndicatorOverParts', () => {
  it('counts each answer under its own rule; one part equals the single-rule estimate', () => {
    // Part A (codebook: levels 2..5 of 5, all respondents): levels 1,2,3 weight 1 each, 1 don't know
    // weight 2 -> counted 2 (levels 2, 3), denominator 1+1+1+2 = 5.
    const a = tallySurveyAnswers([{ level: 1 }, { level: 2 }, { level: 3 }, { invalid: 'dont_know', weight: 2 }], 5);
    // Part B (setting: top two of 4, valid answers): levels 4, 3, 1 weight 1, refused weight 1 ->
    // counted 2 (levels 3, 4), denominator 3.
    const b = tallySurveyAnswers([{ level: 4 }, { level: 3 }, { level: 1 }, { invalid: 'refused' }], 4);
    const one = surveyIndicatorOverParts([{ aggregate: a, countsLevels: [2, 3, 4, 5], denominator: 'all' }], {
      target: FEAR_TARGET,
    });
    expect(one.percent).toBeCloseTo((100 * 2) / 5, 12);
    expect(one.method).toMatchObject({ rule: 'chosen_levels', denominator: 'all', countsLevels: [2, 3, 4, 5] });
    const both = surveyIndicatorOverParts(
      [
        { aggregate: a, countsLevels: [2, 3, 4, 5], denominator: 'all' },
        { aggregate: b, countsLevels: [3, 4], denominator: 'valid' },
      ],
      { target: FEAR_TARGET },
    );
    // (2 + 2) / (5 + 3) = 50%; n = 3 + 3 valid; respondents 8; the 7 denominator answers weigh
    // 1, 1, 1, 2 and 1, 1, 1: n_eff = (sum w)^2 / sum w^2 = 8^2 / (7 + 3) = 6.4.
    expect(both.percent).toBeCloseTo(50, 12);
    expect(both).toMatchObject({ n: 6, respondents: 8, invalidTotal: 2, denominatorCount: 7 });
    expect(both.nEff).toBeCloseTo(64 / 10, 12);
    expect(both.invalid).toEqual({ dont_know: 1, refused: 1 });
    expect(both.method).toMatchObject({ rule: 'mixed_rules', denominator: 'mixed', scaleLevels: 5 });
  });
});

describe('toCodebookZones (the settings screen)', () => {
  it('lists the zones whose answers follow a codebook that declares a rule, and only those', () => {
    const afro = codebookRuleFromStored(stored(1, { name: 'Afro', items: { trust: { levels: 4, counts: [3, 4] } } }));
    const plain = codebookRuleFromStored(stored(2, { name: 'Plain', items: { trust: { levels: 5 } } }));
    const codebooks = new Map([
      [1, afro],
      [2, plain],
    ]);
    expect(
      toCodebookZones(
        [
          { zoneId: 'Z-1', item: 'trust', codebookId: 1, respondents: 120 },
          { zoneId: 'Z-1', item: 'fear', codebookId: 1, respondents: 118 },
          { zoneId: 'Z-2', item: 'trust', codebookId: 2, respondents: 50 },
          { zoneId: 'Z-3', item: 'trust', codebookId: null, respondents: 10 },
        ],
        codebooks,
      ),
    ).toEqual([
      { zoneId: 'Z-1', codebooks: [{ name: 'Afro', fear: null, trust: [3, 4], denominator: null, respondents: 120 }] },
    ]);
  });
});
