import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { errorBody } from '../auth/errors.ts';
import { AGE_BAND_CHOICES, SEX_CHOICES } from '../contracts/resident-survey.ts';
import { requestMeta } from '../auth/request-meta.ts';
import { authSettings } from '../auth/settings.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { type FormSubmission, type SubmitOutcome, submitFormAnswer } from '../services/survey-form.ts';
import { type FormLang, problemPageHtml } from '../survey/form-page.ts';
import { validate } from './validation.ts';

/** An answer is a few hundred bytes; anything much larger is not from the form. */
export const FORM_BODY_LIMIT = 4 * 1024;

const zoneParam = z.object({ zoneId: z.string().min(1).max(100) });

const LEVEL = z.union([z.enum(['1', '2', '3', '4', '5', 'dont_know']), z.number().int().min(1).max(5)]);
/** What the route reads (for the API document; services/survey-form.ts checks it, for form and JSON bodies alike). */
export const formAnswerDocSchema = z.object({
  token: z.string(),
  fear: LEVEL,
  trust: LEVEL,
  sex: z.enum([...SEX_CHOICES, '']).optional(),
  ageBand: z.enum([...AGE_BAND_CHOICES, '']).optional(),
  lang: z.enum(['th', 'en']).optional(),
});

type Refusal = { status: 400 | 403 | 404 | 413 | 429; code: string; th: string; en: string; fields?: string[] };

const FIELD_NAMES: Record<string, { th: string; en: string }> = {
  fear: { th: 'ความหวาดกลัว (fear)', en: 'fear' },
  trust: { th: 'ความเชื่อมั่น (trust)', en: 'trust' },
  sex: { th: 'เพศ (sex)', en: 'sex' },
  ageBand: { th: 'ช่วงอายุ (ageBand)', en: 'ageBand' },
};

/** Why an answer was not taken, in Thai and English (issue #20: 400 or 403 with a bilingual reason; 429 in Thai first). */
function refusal(outcome: Exclude<SubmitOutcome, { kind: 'accepted' | 'duplicate' }>): Refusal {
  switch (outcome.kind) {
    case 'not_found':
      return { status: 404, ...errorBody('not_found').error, th: 'ไม่พบพื้นที่นี้', en: 'No such zone.' };
    case 'token':
      return outcome.reason === 'expired'
        ? {
            status: 403,
            code: 'form_token_expired',
            th: 'แบบสอบถามนี้เปิดไว้นานเกินไป กรุณาเปิดแบบสอบถามใหม่แล้วตอบอีกครั้ง',
            en: 'This form was open too long. Please open the form again and answer.',
          }
        : outcome.reason === 'missing'
          ? {
              status: 403,
              code: 'form_token_missing',
              th: 'ไม่พบรหัสของแบบสอบถาม กรุณาตอบผ่านแบบสอบถามของพื้นที่ (สแกน QR)',
              en: "The form's token is missing. Please answer through the zone's form (scan the QR code).",
            }
          : {
              status: 403,
              code: 'form_token_invalid',
              th: 'รหัสของแบบสอบถามไม่ถูกต้องหรือเป็นของพื้นที่อื่น กรุณาเปิดแบบสอบถามใหม่',
              en: "The form's token is not valid or belongs to another zone. Please open the form again.",
            };
    case 'invalid': {
      const th = outcome.fields.map((f) => FIELD_NAMES[f]?.th ?? f).join(', ');
      const en = outcome.fields.map((f) => FIELD_NAMES[f]?.en ?? f).join(', ');
      return {
        status: 400,
        code: 'form_invalid_answer',
        th: `คำตอบไม่ถูกต้อง: ${th} (ความหวาดกลัวและความเชื่อมั่นตอบระดับ 1-5 หรือ "ไม่ทราบ")`,
        en: `Answers not valid: ${en} (fear and trust take a level 1-5 or "dont_know")`,
        fields: outcome.fields,
      };
    }
    case 'rate_limited': {
      const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
      return {
        status: 429,
        code: 'form_rate_limited',
        th: `มีการส่งคำตอบถี่เกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
        en: `Too many answers were sent. Please try again in ${minutes} minutes.`,
      };
    }
  }
}

const isFormPost = (c: Context) => /^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '');

async function readSubmission(c: Context): Promise<FormSubmission | null> {
  if (isFormPost(c)) {
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    return {
      token: text('token'),
      fear: text('fear'),
      trust: text('trust'),
      sex: text('sex'),
      ageBand: text('ageBand'),
      lang: text('lang'),
    };
  }
  try {
    const json = (await c.req.json()) as unknown;
    return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as FormSubmission) : null;
  } catch {
    return null;
  }
}

const langOf = (value: unknown): FormLang => (value === 'en' ? 'en' : 'th');
const formHref = (zoneId: string, lang: FormLang) =>
  `/s/${encodeURIComponent(zoneId)}${lang === 'en' ? '?lang=en' : ''}`;

function refuse(c: Context, r: Refusal, lang: FormLang, zoneId: string, retryAfterSeconds?: number) {
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(retryAfterSeconds));
  if (isFormPost(c)) {
    return c.html(
      problemPageHtml({ lang, reason: { th: r.th, en: r.en }, formHref: formHref(zoneId, lang) }),
      r.status,
    );
  }
  const { status, ...error } = r;
  return c.json({ error }, status);
}

/**
 * POST /api/public/survey/:zoneId: one resident's answer, no sign-in (issue #20). Form-encoded
 * (the form page, JavaScript or not) answers with a redirect to the thank-you page, JSON with 201;
 * the same token again counts once (200 for JSON). 404 unknown zone, 403 token missing, invalid or
 * expired, 400 answers out of range, 413 body over 4 KiB, 429 rate-limited (Retry-After).
 */
export const publicSurveyRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post(
    '/:zoneId',
    bodyLimit({
      maxSize: FORM_BODY_LIMIT,
      onError: (c) =>
        refuse(
          c,
          { status: 413, ...errorBody('payload_too_large').error },
          langOf(c.req.query('lang')),
          c.req.param('zoneId') ?? '',
        ),
    }),
    validate('param', zoneParam),
    async (c) => {
      const { zoneId } = c.req.valid('param');
      const submission = await readSubmission(c);
      const lang = langOf(submission?.lang);
      const address = requestMeta(c, authSettings(deps).trustProxy).ip;
      const outcome: SubmitOutcome = submission
        ? await submitFormAnswer(deps, zoneId, submission, address)
        : { kind: 'invalid', fields: ['fear', 'trust'] };
      if (outcome.kind === 'accepted' || outcome.kind === 'duplicate') {
        if (isFormPost(c))
          return c.redirect(`/s/${encodeURIComponent(zoneId)}/thanks${lang === 'en' ? '?lang=en' : ''}`, 303);
        return outcome.kind === 'accepted'
          ? c.json({ counted: true as const, duplicate: false as const }, 201)
          : c.json({ counted: false as const, duplicate: true as const }, 200);
      }
      return refuse(
        c,
        refusal(outcome),
        lang,
        zoneId,
        outcome.kind === 'rate_limited' ? outcome.retryAfterSeconds : undefined,
      );
    },
  );
