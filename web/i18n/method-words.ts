/**
 * Words for the "how is this computed?" panels: the names of the rules and parameters the API
 * sends in each figure's `method` (fear, trust and crime at every level, and the rules of the
 * relative effect, WDQ, k-of-n and traffic light). A key or value without words here is shown in
 * a readable form of the name the API sent ("newRule" -> "New rule"), so a new rule on the server
 * is visible before it has a translation.
 */
import type { Lang } from './format.ts';

type Words = Record<string, string>;

export const METHOD_KEYS: Record<Lang, Words> = {
  th: {
    rule: 'กฎ',
    countsLevels: 'ระดับคำตอบที่นับ',
    scaleLevels: 'จำนวนระดับของมาตรวัด',
    denominator: 'ตัวหาร',
    weighted: 'ถ่วงน้ำหนัก',
    interval: 'ช่วงความเชื่อมั่น',
    effectiveSampleSize: 'ขนาดตัวอย่างประสิทธิผล',
    confidence: 'ระดับความเชื่อมั่น',
    z: 'ค่า z',
    minimumSample: 'ตัวอย่างขั้นต่ำ',
    targetPercent: 'เป้าหมาย (%)',
    direction: 'ทิศทางเป้าหมาย',
    boundaryMeets: 'ค่าเท่าเป้าหมายนับว่าผ่าน',
    which: 'คำตอบที่ใช้',
    sample: 'ประเภทตัวอย่าง',
    baseline: 'ช่วงฐาน',
    groups: 'กลุ่มความผิดที่นับ',
    period: 'ช่วงเวลา',
    coveredMonths: 'เดือนที่มีข้อมูล',
    L: 'จำนวนเดือนหลังเริ่ม (L)',
    confidentBelowRateRatio: 'ผ่านอย่างมั่นใจเมื่อช่วงของอัตราส่วนต่ำกว่า',
    startMonth: 'เดือนเริ่มโครงการ',
    from: 'จาก',
    to: 'ถึง',
    pooledZones: 'จำนวนพื้นที่ที่นำมารวม',
    source: 'ที่มา',
    variance: 'ความแปรปรวน',
    counted: 'นับเป็นผ่าน',
    n: 'จำนวนพื้นที่ทั้งหมด (n)',
    green: 'เขียว',
    amber: 'เหลือง',
    red: 'แดง',
    grey: 'เทา',
    wdqRead: 'การอ่านค่า WDQ',
    countsFrom: 'ระดับที่นับ กำหนดโดย',
    donorPool: 'กลุ่มผู้บริจาค (donors)',
    fit: 'การหาน้ำหนัก',
    scale: 'มาตรส่วน',
    counterfactual: 'ค่าเปรียบเทียบหลังเริ่ม',
    effect: 'ผล',
    inference: 'การอนุมาน',
    pValue: 'ค่า p',
    poorFit: 'การเข้ากันก่อนเริ่มที่ไม่ดี',
    minimumPreMonths: 'เดือนก่อนเริ่มอย่างน้อย',
    denominatorFrom: 'ตัวหาร กำหนดโดย',
    codebook: 'codebook ของแบบสำรวจ',
    rulesPooled: 'กฎที่ใช้กับคำตอบแต่ละส่วน',
    warning: 'คำเตือน',
    metWithDisplacement: 'พื้นที่ที่ผ่านแต่อาชญากรรมย้ายไปรอบพื้นที่',
  },
  en: {
    rule: 'Rule',
    countsLevels: 'Answer levels counted',
    scaleLevels: 'Scale levels',
    denominator: 'Denominator',
    weighted: 'Weighted',
    interval: 'Interval',
    effectiveSampleSize: 'Effective sample size',
    confidence: 'Confidence',
    z: 'z',
    minimumSample: 'Minimum sample',
    targetPercent: 'Target (%)',
    direction: 'Target direction',
    boundaryMeets: 'A value on the target meets it',
    which: 'Responses used',
    sample: 'Sample',
    baseline: 'Baseline',
    groups: 'Offence groups counted',
    period: 'Period',
    coveredMonths: 'Months with data',
    L: 'Months after start (L)',
    confidentBelowRateRatio: 'Met with confidence when the rate-ratio interval is below',
    startMonth: 'Start month',
    from: 'From',
    to: 'To',
    pooledZones: 'Zones pooled',
    source: 'Source',
    variance: 'Variance',
    counted: 'Counted as meeting',
    n: 'All zones (n)',
    green: 'Green',
    amber: 'Amber',
    red: 'Red',
    grey: 'Grey',
    wdqRead: 'WDQ read',
    countsFrom: 'Levels counted set by',
    donorPool: 'Donors',
    fit: 'Weights',
    scale: 'Scale',
    counterfactual: 'Counterfactual after the start',
    effect: 'Effect',
    inference: 'Inference',
    pValue: 'p',
    poorFit: 'Poor pre-start fit',
    minimumPreMonths: 'Pre-start months at least',
    denominatorFrom: 'Denominator set by',
    codebook: "Survey's codebook",
    rulesPooled: 'Rules of the pooled answers',
    warning: 'Warning',
    metWithDisplacement: 'Zones met with displacement',
  },
};

export const METHOD_VALUES: Record<Lang, Words> = {
  th: {
    top_two_levels: 'สองระดับบนสุดของมาตรวัด',
    chosen_levels: 'ระดับที่กำหนด',
    valid: 'เฉพาะคำตอบที่ใช้ได้',
    all: 'ผู้ตอบทั้งหมด',
    wilson: 'Wilson score',
    kish: 'Kish (n_eff)',
    max: 'ไม่เกินเป้าหมาย',
    min: 'ไม่น้อยกว่าเป้าหมาย',
    latest_wave: 'รอบสำรวจล่าสุดในช่วง',
    all_in_period: 'ทุกคำตอบในช่วง',
    probability_only: 'เฉพาะตัวอย่างความน่าจะเป็น (ไม่รวมแบบสมัครใจ)',
    pooled_with_opt_in: 'รวมแบบสมัครใจ',
    matched_months: 'เดือนเดียวกันใน 12 เดือนก่อนเริ่ม',
    previous_months: 'L เดือนก่อนเริ่ม',
    percent_change: 'ร้อยละการเปลี่ยนแปลง',
    exact_conditional_binomial: 'แบบแม่นตรง (ทวินามมีเงื่อนไข)',
    since_start: 'ตั้งแต่เริ่มโครงการ',
    ratio_of_rate_ratios: 'อัตราส่วนของอัตราส่วน (เทียบพื้นที่ควบคุม)',
    log_normal: 'แบบล็อกปกติ (log-normal)',
    sum_of_reciprocals: 'ผลรวมส่วนกลับของจำนวนคดี (1/a + 1/b + 1/c + 1/d)',
    weighted_displacement_quotient: 'ดัชนีการย้ายที่ถ่วงน้ำหนัก (WDQ)',
    k_of_n_zones: 'k จาก n พื้นที่',
    met_or_met_confident: 'ผ่าน หรือ ผ่านอย่างมั่นใจ',
    all_zones: 'ทุกพื้นที่ (รวมที่ข้อมูลไม่เพียงพอ)',
    traffic_light: 'สัญญาณไฟ',
    all_three_met: 'ผ่านครบทั้ง 3 ตัวชี้วัด',
    one_or_two_met: 'ผ่าน 1 หรือ 2 ตัวชี้วัด',
    none_met: 'ไม่ผ่านเลย',
    fewer_than_two_judged: 'ประเมินได้น้อยกว่า 2 ตัวชี้วัด',
    synthetic_control: 'ค่าเปรียบเทียบสังเคราะห์ (synthetic control; Abadie, Diamond และ Hainmueller 2010)',
    station_areas_without_pilot_zone_with_data_every_month: 'พื้นที่สถานีที่ไม่มีพื้นที่นำร่อง และมีข้อมูลคดีครบทุกเดือนของช่วงก่อนและหลังเริ่ม',
    non_negative_weights_summing_to_one_on_pre_start_months:
      'น้ำหนัก ≥ 0 รวมเป็น 1 ที่ทำให้ความคลาดเคลื่อนกำลังสองน้อยที่สุดในเดือนก่อนเริ่ม',
    share_of_pre_start_mean: 'สัดส่วนของค่าเฉลี่ยก่อนเริ่มของแต่ละหน่วย (สถานีใหญ่ไม่ครอบงำ)',
    weighted_donors_rescaled_to_zone_pre_start_mean: 'ผลรวมถ่วงน้ำหนักของผู้บริจาค คูณค่าเฉลี่ยก่อนเริ่มของพื้นที่',
    sum_actual_minus_counterfactual_over_after_window:
      '(ผลรวมจริง − ผลรวมค่าเปรียบเทียบ) / ผลรวมค่าเปรียบเทียบ × 100 ในช่วงหลังเริ่ม',
    placebo_in_space: 'ยาหลอกเชิงพื้นที่: ทำซ้ำโดยให้ผู้บริจาคแต่ละรายเป็นพื้นที่ทดลอง',
    rank_over_donors_plus_one: 'อันดับของอัตราส่วน RMSPE หลัง/ก่อน (มากสุด = 1) ÷ (จำนวนผู้บริจาค + 1)',
    twice_median_placebo_pre_rmspe: 'RMSPE ก่อนเริ่มเกิน 2 เท่าของค่ากลางของยาหลอก: แสดงไว้ แต่ไม่ใช้ตัดสิน',
    codebook: 'codebook ของแบบสำรวจ',
    setting: 'ค่าที่ตั้งของโครงการ',
    override: 'ค่าที่ตั้งของโครงการ (ใช้แทน codebook)',
    mixed: 'ต่างกันตามคำตอบ (ดูกฎด้านล่าง)',
    mixed_rules: 'คำตอบรวมจากหลายกฎ',
    only_when_zone_improved_relative_to_comparison:
      'เฉพาะเมื่อพื้นที่ดีขึ้นเมื่อเทียบพื้นที่เปรียบเทียบ (Bowers และ Johnson 2003) มิฉะนั้น "ไม่นำมาอ่านผล"',
    met_with_displacement: 'ผ่านเป้าหมาย แต่อาชญากรรมย้ายไปรอบพื้นที่ (สถานะไม่เปลี่ยน)',
    true: 'ใช่',
    false: 'ไม่',
  },
  en: {
    top_two_levels: 'Top two levels of the scale',
    chosen_levels: 'Chosen levels',
    valid: 'Valid answers',
    all: 'All respondents',
    wilson: 'Wilson score',
    kish: 'Kish (n_eff)',
    max: 'At most the target',
    min: 'At least the target',
    latest_wave: "Zone's latest wave in the period",
    all_in_period: 'All responses in the period',
    probability_only: 'Probability sample only (opt-in apart)',
    pooled_with_opt_in: 'Pooled with opt-in',
    matched_months: 'Same calendar months in the 12 before the start',
    previous_months: 'The L months before the start',
    percent_change: 'Percent change',
    exact_conditional_binomial: 'Exact (conditional binomial)',
    since_start: 'Since the start',
    ratio_of_rate_ratios: 'Ratio of rate ratios (against the comparison area)',
    log_normal: 'Log-normal',
    sum_of_reciprocals: 'Sum of reciprocal counts (1/a + 1/b + 1/c + 1/d)',
    weighted_displacement_quotient: 'Weighted displacement quotient (WDQ)',
    k_of_n_zones: 'k of n zones',
    met_or_met_confident: 'Met or met with confidence',
    all_zones: 'All zones (insufficient ones too)',
    traffic_light: 'Traffic light',
    all_three_met: 'All three met',
    one_or_two_met: 'One or two met',
    none_met: 'None met',
    fewer_than_two_judged: 'Fewer than two can be judged',
    synthetic_control: 'Synthetic control (Abadie, Diamond and Hainmueller, 2010)',
    station_areas_without_pilot_zone_with_data_every_month:
      'Station areas with no pilot zone and crime data for every month of the before and after windows',
    non_negative_weights_summing_to_one_on_pre_start_months:
      'Weights >= 0 summing to 1, least squares over the pre-start months',
    share_of_pre_start_mean: "Shares of each unit's own pre-start mean (a big station area does not dominate)",
    weighted_donors_rescaled_to_zone_pre_start_mean: "Weighted donors, rescaled to the zone's pre-start mean",
    sum_actual_minus_counterfactual_over_after_window:
      '(Σ actual − Σ counterfactual) / Σ counterfactual × 100 over the after window',
    placebo_in_space: 'Placebo in space: the same fit with each donor as the treated unit',
    rank_over_donors_plus_one: 'Rank of the post/pre RMSPE ratio (largest = 1) / (donors + 1)',
    twice_median_placebo_pre_rmspe: 'Pre-start RMSPE above twice the placebos’ median: shown, judges nothing',
    codebook: "the survey's codebook",
    setting: "the programme's setting",
    override: "the programme's setting (overriding the codebook)",
    mixed: 'differs by answers (rules below)',
    mixed_rules: 'answers pooled under different rules',
    only_when_zone_improved_relative_to_comparison:
      'Only when the zone improved relative to its comparison area (Bowers and Johnson, 2003); otherwise "not applicable"',
    met_with_displacement: 'Met, but crime moved into the ring around the zone (the status stands)',
    true: 'yes',
    false: 'no',
  },
};

/**
 * Labels that depend on the figure: a rollup's L is zone-months summed over its pooled zones, not
 * months of calendar time.
 */
export const METHOD_KEYS_POOLED: Record<Lang, Words> = {
  th: { L: 'เดือน-พื้นที่ (รวมทุกพื้นที่)' },
  en: { L: 'Zone-months (summed over zones)' },
};

/**
 * A key or value name the dictionaries do not know, in readable words: "pooledZones" and
 * "pooled_zones" -> "Pooled zones". Single-letter and upper-case names (L, WDQ) stay as they are.
 */
export function humanizeName(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/.test(name) || !/[a-z]/.test(name)) return name;
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((word) => (/^[A-Z][a-z]/.test(word) || /^[a-z]/.test(word) ? word.toLowerCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
