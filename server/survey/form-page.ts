/**
 * The resident form's pages as HTML text (issue #20 item 2): server-rendered, no script, no web
 * font, no request to anyone but this server, a few KB, readable at 320 px on a cheap phone. Thai
 * first, English through ?lang=en. Pure: the routes give the data.
 */
import { formatMonthEn, formatMonthTh, toMonthKey } from '../contracts/calendar.ts';
import {
  AGE_BAND_CHOICES,
  DONT_KNOW_LABEL,
  FORM_QUESTIONS,
  SEX_CHOICES,
  SEX_LABELS,
  SURVEY_ITEMS,
} from '../contracts/resident-survey.ts';

export type FormLang = 'th' | 'en';

export interface FormZone {
  id: string;
  nameTh: string;
  nameEn: string | null;
  stationNameTh: string;
  stationNameEn: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const WORDS = {
  title: { th: 'แบบสอบถามความปลอดภัยในพื้นที่', en: 'Safety in this area: a short survey' },
  purpose: {
    th: 'ตำรวจอยากทราบความรู้สึกของท่านต่อความปลอดภัยในพื้นที่นี้ ใช้เวลาไม่ถึง 30 วินาที',
    en: 'The police would like to know how safe you feel here. It takes less than 30 seconds.',
  },
  privacy: {
    th: 'ไม่เก็บชื่อ ไม่เก็บเบอร์โทรศัพท์ ไม่เก็บตำแหน่งที่อยู่ของท่าน',
    en: 'We keep no name, no phone number and no location.',
  },
  optional: { th: 'ไม่บังคับตอบ', en: 'optional' },
  sex: { th: 'เพศ', en: 'Sex' },
  age: { th: 'อายุ', en: 'Age' },
  notSaid: { th: 'ไม่ระบุ', en: 'Prefer not to say' },
  send: { th: 'ส่งคำตอบ', en: 'Send' },
  otherLang: { th: 'English', en: 'ภาษาไทย' },
  thanks: { th: 'ขอบคุณที่ตอบแบบสอบถาม', en: 'Thank you for answering' },
  counted: {
    th: 'คำตอบของท่านนับเป็นความเห็นของผู้ตอบด้วยความสมัครใจ แยกจากการสำรวจแบบสุ่มตัวอย่าง',
    en: 'Your answer counts among volunteered answers, kept apart from the sampled survey.',
  },
  latest: { th: 'ผลล่าสุดของพื้นที่นี้', en: 'Latest figures for this area' },
  noFigures: {
    th: 'ยังไม่มีผลสำรวจแบบสุ่มตัวอย่างที่เผยแพร่สำหรับพื้นที่นี้',
    en: 'No sampled survey has been published for this area yet.',
  },
  again: { th: 'กลับไปที่แบบสอบถาม', en: 'Back to the survey' },
  station: { th: 'สถานีตำรวจ', en: 'Police station' },
} as const;

const STYLE = `*{box-sizing:border-box}body{margin:0;font:17px/1.5 system-ui,'Noto Sans Thai','Loma',sans-serif;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:0 auto;padding:12px}h1{font-size:1.3rem;margin:.2rem 0}p{margin:.4rem 0}
.lang{float:right;padding:8px;color:#0b57d0}.place{color:#333}.privacy{background:#eef5ee;border-left:4px solid #1b7f3b;padding:6px 10px}
fieldset{border:1px solid #767676;border-radius:6px;margin:12px 0;padding:6px 10px}legend{font-weight:700;padding:0 4px}
label{display:block;padding:9px 4px;min-height:44px}input[type=radio]{width:22px;height:22px;margin:0 10px 0 0;vertical-align:middle}
button{width:100%;min-height:52px;font:inherit;font-weight:700;color:#fff;background:#0b57d0;border:0;border-radius:6px;margin:8px 0 20px}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:6px 10px}.figure{font-size:1.05rem}a{color:#0b57d0}`;

function page(lang: FormLang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const zoneName = (zone: FormZone, lang: FormLang) => (lang === 'en' && zone.nameEn ? zone.nameEn : zone.nameTh);
const stationName = (zone: FormZone, lang: FormLang) => (lang === 'en' ? zone.stationNameEn : zone.stationNameTh);

function header(zone: FormZone, lang: FormLang, switchHref: string): string {
  const other: FormLang = lang === 'th' ? 'en' : 'th';
  return `<a class="lang" href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}">${WORDS.otherLang[lang]}</a>
<h1>${WORDS.title[lang]}</h1>
<p class="place"><strong>${escapeHtml(zoneName(zone, lang))}</strong><br>${WORDS.station[lang]}: ${escapeHtml(stationName(zone, lang))}</p>`;
}

function radio(name: string, value: string, text: string, required: boolean): string {
  return `<label><input type="radio" name="${name}" value="${value}"${required ? ' required' : ''}>${escapeHtml(text)}</label>`;
}

/** The form: the two items (level 5 first, then "don't know"), optional sex and age band, a signed token. */
export function formPageHtml(o: { zone: FormZone; lang: FormLang; token: string; action: string; error?: string }) {
  const { zone, lang } = o;
  const items = SURVEY_ITEMS.map((item) => {
    const q = FORM_QUESTIONS[item];
    const options = ([5, 4, 3, 2, 1] as const).map((level) => radio(item, String(level), q.levels[level][lang], true));
    options.push(radio(item, 'dont_know', DONT_KNOW_LABEL[lang], true));
    return `<fieldset><legend>${escapeHtml(q.question[lang])}</legend>${options.join('')}</fieldset>`;
  }).join('');
  const sex = [
    ...SEX_CHOICES.map((s) => radio('sex', s, SEX_LABELS[s][lang], false)),
    radio('sex', '', WORDS.notSaid[lang], false),
  ].join('');
  const ages = [
    ...AGE_BAND_CHOICES.map((a) => radio('ageBand', a, lang === 'th' ? `${a} ปี` : `${a} years`, false)),
    radio('ageBand', '', WORDS.notSaid[lang], false),
  ].join('');
  const error = o.error ? `<p class="error" role="alert">${escapeHtml(o.error)}</p>` : '';
  const body = `${header(zone, lang, `?lang=${lang === 'th' ? 'en' : 'th'}`)}
<p>${WORDS.purpose[lang]}</p><p class="privacy">${WORDS.privacy[lang]}</p>${error}
<form method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="token" value="${escapeHtml(o.token)}"><input type="hidden" name="lang" value="${lang}">
${items}
<fieldset><legend>${WORDS.sex[lang]} (${WORDS.optional[lang]})</legend>${sex}</fieldset>
<fieldset><legend>${WORDS.age[lang]} (${WORDS.optional[lang]})</legend>${ages}</fieldset>
<button type="submit">${WORDS.send[lang]}</button>
</form>`;
  return page(lang, `${WORDS.title[lang]}: ${zoneName(zone, lang)}`, body);
}

export interface ThanksFigure {
  value: number | null;
  n: number;
  waveDate: string | null;
}

/** A survey figure in plain words: "38% of 412 residents asked (Sep 2567) fear crime here". */
export function figureSentence(item: 'fear' | 'trust', f: ThanksFigure, lang: FormLang): string | null {
  if (f.value === null || f.n === 0) return null;
  const pct = Math.round(f.value);
  const month = f.waveDate ? toMonthKey(f.waveDate) : null;
  const when = month
    ? lang === 'th'
      ? ` (สำรวจ ${formatMonthTh(month)})`
      : ` (surveyed ${formatMonthEn(month)})`
    : '';
  const n = f.n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB');
  if (lang === 'th') {
    return item === 'fear'
      ? `ร้อยละ ${pct} ของผู้ตอบ ${n} คน รู้สึกหวาดกลัวภัยอาชญากรรมในพื้นที่นี้${when}`
      : `ร้อยละ ${pct} ของผู้ตอบ ${n} คน เชื่อมั่นต่อการทำงานของตำรวจ${when}`;
  }
  return item === 'fear'
    ? `${pct}% of ${n} residents asked fear crime in this area${when}.`
    : `${pct}% of ${n} residents asked trust the police's work${when}.`;
}

/** A crime change in plain words: "Recorded crime fell 12% over 18 months since the zone started". */
export function crimeSentence(changePct: number | null, months: number, lang: FormLang): string | null {
  if (changePct === null || months === 0) return null;
  const pct = Math.abs(Math.round(changePct));
  if (lang === 'th') {
    const way = changePct < 0 ? 'ลดลง' : changePct > 0 ? 'เพิ่มขึ้น' : 'เท่าเดิม';
    return `คดีที่รับแจ้งในพื้นที่${way}${pct === 0 ? '' : ` ร้อยละ ${pct}`} ในช่วง ${months} เดือนนับจากเริ่มโครงการ เทียบกับช่วงก่อนเริ่ม`;
  }
  const way = changePct < 0 ? `fell ${pct}%` : changePct > 0 ? `rose ${pct}%` : 'stayed the same';
  return `Recorded crime in the area ${way} over the ${months} months since the zone started, against the months before.`;
}

/** After an answer: thanks, and the zone's latest published figures in plain words. */
export function thanksPageHtml(o: {
  zone: FormZone;
  lang: FormLang;
  formHref: string;
  figures: { fear: ThanksFigure; trust: ThanksFigure; crime: { changePct: number | null; months: number } } | null;
}) {
  const { zone, lang } = o;
  const sentences = o.figures
    ? [
        figureSentence('fear', o.figures.fear, lang),
        figureSentence('trust', o.figures.trust, lang),
        crimeSentence(o.figures.crime.changePct, o.figures.crime.months, lang),
      ].filter((s): s is string => s !== null)
    : [];
  const figures =
    sentences.length > 0
      ? `<ul>${sentences.map((s) => `<li class="figure">${escapeHtml(s)}</li>`).join('')}</ul>`
      : `<p>${WORDS.noFigures[lang]}</p>`;
  const body = `${header(zone, lang, `?lang=${lang === 'th' ? 'en' : 'th'}`)}
<h2>${WORDS.thanks[lang]}</h2><p>${WORDS.counted[lang]}</p>
<h2>${WORDS.latest[lang]}</h2>${figures}
<p class="privacy">${WORDS.privacy[lang]}</p>
<p><a href="${escapeHtml(o.formHref)}">${WORDS.again[lang]}</a></p>`;
  return page(lang, `${WORDS.thanks[lang]}: ${zoneName(zone, lang)}`, body);
}

/** An answer that could not be taken, in the reader's language and the other one. */
export function problemPageHtml(o: { lang: FormLang; reason: { th: string; en: string }; formHref: string }) {
  const first = o.reason[o.lang];
  const second = o.reason[o.lang === 'th' ? 'en' : 'th'];
  const body = `<h1>${WORDS.title[o.lang]}</h1>
<p class="error" role="alert">${escapeHtml(first)}</p><p lang="${o.lang === 'th' ? 'en' : 'th'}">${escapeHtml(second)}</p>
<p><a href="${escapeHtml(o.formHref)}">${WORDS.again[o.lang]}</a></p>`;
  return page(o.lang, WORDS.title[o.lang], body);
}
